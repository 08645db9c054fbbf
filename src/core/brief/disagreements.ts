import { tagText } from '../text/posTags';
import { toTerm } from '../text/terms';
import { cite, slugOf } from './context';
import type { Mention } from './entities';
import type { Citation, Disagreement, DisagreementSide, Entity, Fact, FactCitation, TimelineEvent } from './types';
import { pushTo } from './lists';

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
  return [...spellings(entities, mentions), ...values(facts), ...dates(timeline, mentions)];
}

/** Names whose last word is written differently (not just in another case), e.g. Erdogan and Erdoğan, Sarea and Saree. */
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
    const docsOf = [...bySpelling.values()].map((side) => [...side.docs].join(', '));
    found.push({
      id: `spelling-${entity.id}`,
      kind: 'spelling',
      severity: 'variant',
      subject: `Spelling of ${entity.name}`,
      sides,
      note: `The sources write the name ${sides.map((side, i) => `“${side.says}” (${docsOf[i]})`).join(' and ')}; all are taken as ${entity.name}. Quote each source as it spells it.`,
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
      pushTo(sides, says, { passageId: citation.passageId, docId: citation.docId, span: citation.span, quote: citation.quote });
    }
    // Only a difference of scope ("each side" or not) is a difference; "more than 1,000" beside "1,000" is the same figure.
    const scopes = new Set([...sides.keys()].map((says) => says.replace(/^.*\(/, '')));
    if (sides.size < 2 || scopes.size < 2) continue;
    found.push({
      id: `value-${fact.id}`,
      kind: 'value',
      severity: 'nuance',
      subject: `${fact.measures}: ${fact.asWritten.join(' / ')}`,
      sides: [...sides].map(([says, citations]) => ({ says, citations })),
      note: `${fact.notes.join(' ')} Treated as one figure; the difference is in what it counts.`,
    });
  }
  // Different values for the same measured quantity about the same subject, in different sources.
  const buckets = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = `${fact.kind}|${fact.unit}|${countedHead(fact)}`;
    pushTo(buckets, key, fact);
  }
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      // Each fact is compared with a bounded number of others, so a corpus of many alike figures stays linear.
      for (let j = i + 1; j < bucket.length && j - i <= MAX_COMPARED; j++) {
        const a = bucket[i];
        const b = bucket[j];
        if (a.value === b.value || a.value === null || b.value === null) continue;
        if (sharesDocument(a, b) || !sameSubject(a, b) || similarity(a.measures, b.measures) < 0.5 || compatible(a, b) || otherLabels(a, b)) continue;
        found.push({
          id: `value-${slugOf(a.measures)}-${a.value}-${b.value}`.slice(0, 90),
          kind: 'value',
          severity: 'conflict',
          subject: subjectLabel(a),
          sides: [a, b].map((fact) => ({ says: fact.asWritten.join(' / '), citations: fact.citations.map(plain) })),
          note: 'The same measure of the same subject is given different values; check which is newer or better sourced.',
        });
      }
    }
  }
  return found;
}

const MAX_COMPARED = 60;
const MONTH = /^(?:january|february|febuary|march|april|may|june|july|august|september|october|november|december)$/;
const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'been', 'were', 'their', 'which', 'would', 'after', 'before', 'about', 'there', 'they', 'also', 'into', 'over', 'when', 'while', 'than', 'then', 'will', 'said']);

/** What a count counts, as one word ("delegate" of "pledged delegates"); the unit for other figures. */
function countedHead(fact: Fact): string {
  if (fact.kind !== 'count') return '';
  const counted = fact.citations.find((citation) => citation.counted)?.counted ?? fact.measures;
  const last = counted.split(/\s+/).pop() ?? '';
  return toTerm(last) ?? last.toLowerCase();
}

function sharesDocument(a: Fact, b: Fact): boolean {
  const docs = new Set(a.citations.map((citation) => citation.docId));
  return b.citations.some((citation) => docs.has(citation.docId));
}

/** Whose figure: both name the same subject ("Sanders" and "Sanders"), never one with none or two different ones. */
function sameSubject(a: Fact, b: Fact): boolean {
  const subjects = (fact: Fact): Set<string> => new Set(fact.citations.flatMap((citation: FactCitation) => (citation.subject ? [citation.subject.toLowerCase()] : [])));
  const sa = subjects(a);
  const sb = subjects(b);
  return sa.size > 0 && sb.size > 0 && [...sa].some((subject) => sb.has(subject));
}

/** Two statements that bound or round to each other ("more than 2.9 million" and "about 2.9 million") are no conflict. */
function compatible(a: Fact, b: Fact): boolean {
  const x = a.value ?? 0;
  const y = b.value ?? 0;
  const gap = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-9);
  const bounded = [...a.citations, ...b.citations].some((citation) => citation.qualifiers.some((q) => q !== 'each' && q !== 'each side'));
  return gap <= 0.02 || (bounded && gap <= 0.2);
}

/** Numbered labels of a figure's sentence ("category 1", "round 2"): figures under different labels are different quantities. */
function otherLabels(a: Fact, b: Fact): boolean {
  const labels = (fact: Fact): Set<string> =>
    new Set(fact.citations.flatMap((citation) => [...citation.quote.matchAll(/\b(category|class|level|grade|phase|stage|round|article|section|group|division|number|no\.)\s+(\d+)\b/gi)].map((match) => `${match[1].toLowerCase()} ${match[2]}`)));
  const la = labels(a);
  const lb = labels(b);
  return la.size > 0 && lb.size > 0 && ![...la].some((label) => lb.has(label));
}

function subjectLabel(fact: Fact): string {
  const subject = fact.citations.find((citation) => citation.subject)?.subject;
  return subject ? `${fact.measures} (${subject})` : fact.measures;
}

/**
 * One event with dates of different precision or different dates, across
 * sources. A conflict needs the same event: the same subject (the name
 * nearest before the date) and the same verb ("impeached in 1998" against
 * "impeached in 1999"), with different years.
 */
function dates(timeline: readonly TimelineEvent[], mentions: readonly Mention[]): Disagreement[] {
  const found: Disagreement[] = [];
  const absolute = timeline.filter((event) => event.type === 'absolute' && event.date);
  const mentionsByPassage = new Map<string, Mention[]>();
  for (const mention of mentions) pushTo(mentionsByPassage, mention.passage.id, mention);
  const anchors = new Map(absolute.map((event) => [event, anchorOf(event, mentionsByPassage)]));
  for (let i = 0; i < absolute.length; i++) {
    for (let j = i + 1; j < absolute.length && j - i <= MAX_COMPARED * 4; j++) {
      const a = absolute[i];
      const b = absolute[j];
      const da = a.date!;
      const db = b.date!;
      const docsA = new Set(a.citations.map((citation) => citation.docId));
      if (b.citations.every((citation) => docsA.has(citation.docId))) continue; // only across sources
      const shared = sharedWords(a, b);
      let severity: Disagreement['severity'] | undefined;
      let note = '';
      if (da.year !== undefined && da.year === db.year && (da.month === undefined) !== (db.month === undefined) && (shared >= 3 || sameEvent(anchors.get(a), anchors.get(b)))) {
        severity = 'precision';
        note = 'The same event, dated to the year in one source and to the month in another; the dates agree.';
      } else if (da.month !== undefined && da.month === db.month && da.day !== undefined && da.day === db.day && (da.year === undefined) !== (db.year === undefined)) {
        severity = 'precision';
        note = 'The same day of the month; one source gives no year, so it is not merged with the dated one. Possibly the same meeting.';
      } else if (
        da.year !== undefined &&
        db.year !== undefined &&
        da.year !== db.year &&
        !da.inferred &&
        !db.inferred &&
        (da.month === undefined) === (db.month === undefined) &&
        sameEvent(anchors.get(a), anchors.get(b))
      ) {
        severity = 'conflict';
        note = 'The same event, with the same subject and verb, given different years.';
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

/** What a dated event is about: the name nearest before its date and the verb nearest before it, in its sentence. */
interface EventAnchor {
  readonly subject?: string;
  readonly verb?: string;
}

function anchorOf(event: TimelineEvent, mentionsByPassage: ReadonlyMap<string, readonly Mention[]>): EventAnchor {
  const citation = event.citations[0];
  const written = event.asWritten.find((text) => citation.quote.includes(text));
  if (!written) return {};
  const at = citation.span.start + citation.quote.indexOf(written);
  const mentions = mentionsByPassage.get(citation.passageId) ?? [];
  const subject = [...mentions].reverse().find((mention) => mention.span.end <= at && mention.span.start >= citation.span.start);
  const passageText = mentions[0]?.passage.text;
  let verb: string | undefined;
  if (passageText) {
    const tokens = tagText(passageText).filter((token) => token.start >= citation.span.start && token.end <= at && token.pos === 'VERB');
    const last = tokens[tokens.length - 1];
    if (last) verb = last.text.toLowerCase().slice(0, 5);
  }
  return { ...(subject ? { subject: subject.entityId } : {}), ...(verb ? { verb } : {}) };
}

function sameEvent(a: EventAnchor | undefined, b: EventAnchor | undefined): boolean {
  return Boolean(a?.subject && a.verb && a.subject === b?.subject && a.verb === b.verb);
}

function sharedWords(a: TimelineEvent, b: TimelineEvent): number {
  const words = (event: TimelineEvent): Set<string> =>
    new Set(event.citations.flatMap((citation) => (citation.quote.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => !MONTH.test(word) && !STOP.has(word))));
  const wordsA = words(a);
  const wordsB = words(b);
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
