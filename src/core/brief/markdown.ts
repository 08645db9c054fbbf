import { sourceNote } from '../cite/sourceNote';
import { spokenSentenceOf } from '../statements/fromStance';
import { speakerWords } from '../statements/speakerWords';
import { statementOf } from '../statements/statement';
import type { Briefing, Citation } from './types';

/**
 * The briefing as a Markdown document an editor hands a reporter: sources,
 * key facts, who said what, timeline, people and organisations, and where
 * sources differ, each item footnoted to the passage that supports it.
 */
export function briefingToMarkdown(briefing: Briefing): string {
  // Footnotes name the source and section a reader can find the words in (never an internal id);
  // passages that cite alike share one footnote.
  const footnotes = new Map<string, number>();
  const footnoteOf = (passageId: string): string => {
    const passage = briefing.passages[passageId];
    const source = passage && briefing.sources.find((candidate) => candidate.docId === passage.docId);
    const entry = passage && source ? sourceNote(source.meta) : 'A passage no longer in the sources.';
    return `${entry}${passage?.section ? ` Section “${escape(passage.section)}”.` : ''}`;
  };
  const ref = (citations: readonly Citation[]): string =>
    [...new Set(citations.map((citation) => footnoteOf(citation.passageId)))]
      .map((entry) => {
        let n = footnotes.get(entry);
        if (n === undefined) {
          n = footnotes.size + 1;
          footnotes.set(entry, n);
        }
        return `[^${n}]`;
      })
      .join('');
  const out: string[] = [];
  const title = briefing.topic ? `Briefing: ${briefing.topic.topic.title}` : 'Briefing';
  out.push(`# ${escape(title)}`, '');
  if (briefing.topic?.topic.description) out.push(`_${escape(briefing.topic.topic.description)}_`, '');

  out.push('## Sources', '');
  for (const source of briefing.sources) {
    const by = [source.author, source.outlet].filter(Boolean).join(', ');
    out.push(`- **${escape(source.title)}**${by ? ` — ${escape(by)}` : ''} (${source.kind}, ${source.dateLabel})`);
  }
  out.push('');

  if (briefing.topic && briefing.topic.passages.length > 0) {
    out.push('## Key passages', '');
    for (const passage of briefing.topic.passages) out.push(`- “${escape(passage.citation.quote)}”${ref([passage.citation])}`);
    out.push('');
  }

  out.push('## Key facts', '');
  const facts = briefing.facts.filter((fact) => fact.kind !== 'date');
  if (facts.length === 0) out.push('_No figures found._');
  for (const fact of facts) {
    out.push(`- **${escape(fact.asWritten.join(' / '))}** — ${escape(fact.measures)}${ref(fact.citations)}`);
    for (const note of fact.notes) out.push(`  - _${escape(note)}_`);
  }
  out.push('');

  out.push('## Who said what', '');
  if (briefing.stances.length === 0) out.push('_No attributed statements found._');
  for (const group of briefing.stances) {
    out.push(`### ${escape(group.speaker)}`, '');
    for (const stance of group.stances) {
      // Each statement as a sentence — who, the verb, the quoted words — as the panel reads it.
      const spoken = spokenSentenceOf(stance, briefing.entities);
      const { who, text, whole } = statementOf(spoken);
      const joiner = whole ? ': ' : /^[’',;:]/u.test(text) ? '' : ' ';
      out.push(`- **${escape(who)}**${joiner}${escape(text)}${ref([stance.citation])}`);
      // The speaker's further quotes in the sentence, and the demands a sentence lists.
      for (const more of speakerWords(spoken).slice(1)) out.push(`  - ${escape(`${more.lead} “${more.words}”`)}`);
      for (const item of stance.items) out.push(`  - ${escape(item)}`);
    }
    out.push('');
  }

  out.push('## Timeline', '');
  if (briefing.timeline.length === 0) out.push('_No dates found._');
  for (const event of briefing.timeline) {
    const status = event.status === 'happened' ? '' : ` _(${event.status})_`;
    const relative = event.relativeTo ? ` — relative: ${escape(event.relativeTo)}` : '';
    out.push(`- **${escape(event.when)}**${status}: ${escape(event.event)}${relative}${ref(event.citations)}`);
    if (event.date?.inferred && event.date.evidence) out.push(`  - _Year inferred from: “${escape(event.date.evidence.quote)}”_${ref([event.date.evidence])}`);
  }
  out.push('');

  out.push('## People & organisations', '');
  for (const kind of ['person', 'organisation', 'place'] as const) {
    const entities = briefing.entities.filter((entity) => entity.kind === kind);
    if (entities.length === 0) continue;
    out.push(`### ${kind === 'person' ? 'People' : kind === 'organisation' ? 'Organisations' : 'Places'}`, '');
    for (const entity of entities) {
      const roles = entity.roles.length > 0 ? ` — ${entity.roles.map((role) => escape(role.role)).join('; ')}` : '';
      const variants = entity.variants.length > 1 ? ` (written ${entity.variants.map((variant) => `“${escape(variant.text)}”`).join(', ')})` : '';
      const sources = entity.docIds.length;
      out.push(`- **${escape(entity.name)}**${roles}${variants}: ${entity.mentionCount} mention${entity.mentionCount === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}${ref(entity.roles.flatMap((role) => role.citations).slice(0, 3).concat(entity.citations.slice(0, 1)))}`);
    }
    out.push('');
  }

  out.push('## Where sources differ', '');
  if (briefing.disagreements.length === 0) out.push('_The sources do not differ on the figures, dates or names found._');
  for (const disagreement of briefing.disagreements) {
    out.push(`- **${escape(disagreement.subject)}** (${disagreement.kind}, ${disagreement.severity})`);
    for (const side of disagreement.sides) out.push(`  - ${escape(side.says)}${ref(side.citations)}`);
    out.push(`  - _${escape(disagreement.note)}_`);
  }
  out.push('');

  for (const [entry, n] of footnotes) out.push(`[^${n}]: ${entry}`);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Keeps source text from being read as Markdown markup. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
