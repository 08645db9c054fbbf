import { cite, slugOf } from './context';
import type { Mention } from './entities';
import { wordsOf } from './timeline';
import type { Citation, Disagreement, DisagreementSide, Entity, Fact, TimelineEvent } from './types';

/**
 * Where the sources differ: one name spelled differently, one figure with
 * different values or scope, one event dated differently or less
 * precisely. Each side keeps its citations; nothing is resolved.
 */
export function findDisagreements(
  entities: readonly Entity[],
  mentions: readonly Mention[],
  facts: readonly Fact[],
  timeline: readonly TimelineEvent[],
): Disagreement[] {
  return [...spellings(entities, mentions), ...values(facts), ...dates(timeline)];
}

/** Names whose last word is written differently (not just in another case), e.g. Zelenskiy and Zelenskyy. */
function spellings(entities: readonly Entity[], mentions: readonly Mention[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const entity of entities) {
    if (entity.kind !== 'person') continue;
    const bySpelling = new Map<string, { says: string; citations: Citation[]; docs: Set<string> }>();
    for (const mention of mentions) {
      if (mention.entityId !== entity.id) continue;
      const surname = mention.text.split(/\s+/).pop()!;
      const key = surname.toLowerCase();
      const side = bySpelling.get(key) ?? { says: surname, citations: [], docs: new Set<string>() };
      side.citations.push(cite(mention.passage, mention.span));
      side.docs.add(mention.passage.docId);
      bySpelling.set(key, side);
    }
    if (bySpelling.size < 2) continue;
    const sides: DisagreementSide[] = [...bySpelling.values()].map((side) => ({ says: side.says, citations: side.citations }));
    found.push({
      id: `spelling-${entity.id}`,
      kind: 'spelling',
      severity: 'variant',
      subject: `Spelling of ${entity.name}`,
      sides,
      note: `The sources write the name ${sides.map((side) => `“${side.says}”`).join(' and ')}; all are taken as ${entity.name}. Quote each source as it spells it.`,
    });
  }
  return found;
}

/** One figure stated with different scope (e.g. "each side" or not), or one measure given different values. */
function values(facts: readonly Fact[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const fact of facts) {
    if (fact.notes.length === 0) continue;
    const sides = new Map<string, Citation[]>();
    for (const citation of fact.citations) {
      const scope = citation.qualifiers.some((q) => q === 'each' || q === 'each side') ? 'for each side' : 'scope not stated';
      const says = `${citation.asWritten} (${scope})`;
      sides.set(says, [...(sides.get(says) ?? []), { passageId: citation.passageId, docId: citation.docId, span: citation.span, quote: citation.quote }]);
    }
    if (sides.size < 2) continue;
    found.push({
      id: `value-${fact.id}`,
      kind: 'value',
      severity: 'nuance',
      subject: `${fact.measures}: ${fact.asWritten.join(' / ')}`,
      sides: [...sides].map(([says, citations]) => ({ says, citations })),
      note: `${fact.notes.join(' ')} Treated as one figure; the difference is in what it counts.`,
    });
  }
  // Different values for what reads as the same measure.
  for (let i = 0; i < facts.length; i++) {
    for (let j = i + 1; j < facts.length; j++) {
      const a = facts[i];
      const b = facts[j];
      if (a.kind !== b.kind || a.unit !== b.unit || a.value === b.value) continue;
      if (similarity(a.measures, b.measures) < 0.6) continue;
      found.push({
        id: `value-${slugOf(a.measures)}-${a.value}-${b.value}`.slice(0, 90),
        kind: 'value',
        severity: 'conflict',
        subject: a.measures,
        sides: [a, b].map((fact) => ({ says: fact.asWritten.join(' / '), citations: fact.citations.map(plain) })),
        note: 'The same measure is given different values; check which is newer or better sourced.',
      });
    }
  }
  return found;
}

/** One event with dates of different precision or different dates, across sources. */
function dates(timeline: readonly TimelineEvent[]): Disagreement[] {
  const found: Disagreement[] = [];
  const absolute = timeline.filter((event) => event.type === 'absolute' && event.date);
  for (let i = 0; i < absolute.length; i++) {
    for (let j = i + 1; j < absolute.length; j++) {
      const a = absolute[i];
      const b = absolute[j];
      const da = a.date!;
      const db = b.date!;
      const docsA = new Set(a.citations.map((citation) => citation.docId));
      if (b.citations.every((citation) => docsA.has(citation.docId))) continue; // only across sources
      const shared = sharedWords(a, b);
      let severity: Disagreement['severity'] | undefined;
      let note = '';
      if (da.year !== undefined && da.year === db.year && (da.month === undefined) !== (db.month === undefined) && shared > 0) {
        severity = 'precision';
        note = 'The same event, dated to the year in one source and to the month in another; the dates agree.';
      } else if (da.month !== undefined && da.month === db.month && da.day !== undefined && da.day === db.day && (da.year === undefined) !== (db.year === undefined)) {
        severity = 'precision';
        note = 'The same day of the month; one source gives no year, so it is not merged with the dated one. Possibly the same meeting.';
      } else if (
        shared >= 3 &&
        da.year !== undefined &&
        db.year !== undefined &&
        da.year !== db.year &&
        !da.inferred &&
        !db.inferred &&
        (da.month === undefined) === (db.month === undefined)
      ) {
        severity = 'conflict';
        note = 'Similar events given different years.';
      }
      if (!severity) continue;
      found.push({
        id: `date-${a.id}-${b.id}`,
        kind: 'date',
        severity,
        subject: shortEvent(a.event),
        sides: [a, b].map((event) => ({ says: `${event.when} — “${event.asWritten.join('”, “')}”`, citations: event.citations })),
        note,
      });
    }
  }
  return found;
}

function sharedWords(a: TimelineEvent, b: TimelineEvent): number {
  const wordsA = new Set(a.citations.flatMap((citation) => [...wordsOf(citation.quote, '')]));
  const wordsB = new Set(b.citations.flatMap((citation) => [...wordsOf(citation.quote, '')]));
  return [...wordsA].filter((word) => wordsB.has(word)).length;
}

function similarity(a: string, b: string): number {
  const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((word) => wb.has(word)).length;
  return shared / Math.max(1, new Set([...wa, ...wb]).size);
}

function plain(citation: Citation): Citation {
  return { passageId: citation.passageId, docId: citation.docId, span: citation.span, quote: citation.quote };
}

function shortEvent(event: string): string {
  return event.length > 90 ? `${event.slice(0, event.lastIndexOf(' ', 90))}…` : event;
}
