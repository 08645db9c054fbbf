/**
 * The briefing model: what the sources say about people, figures, positions
 * and dates, every item carrying the citations that support it. Plain data
 * (JSON-serializable) so it crosses the worker and the webview unchanged.
 */
import type { DocumentKind, Passage, SourceMeta, Span } from '../model';

/** Where an item is supported: the exact words of a passage. */
export interface Citation {
  readonly passageId: string;
  readonly docId: string;
  /** Offsets into `passage.text` of the sentence or words supporting the item. */
  readonly span: Span;
  /** Exactly `passage.text.slice(span.start, span.end)`. */
  readonly quote: string;
}

/** A source as the briefing lists it. */
export interface BriefingSource {
  readonly docId: string;
  readonly title: string;
  readonly outlet?: string;
  readonly author?: string;
  readonly kind: DocumentKind;
  readonly dateLabel: string;
  readonly passageCount: number;
  /** The full metadata, for formatting citations. */
  readonly meta: SourceMeta;
}

// ---------------------------------------------------------------- entities

export type EntityKind = 'person' | 'place' | 'organisation';

/** A way a source writes an entity's name, with where. */
export interface EntityVariant {
  /** The name as written, without possessive endings or leading titles, e.g. "Erdogan". */
  readonly text: string;
  readonly count: number;
  readonly docIds: readonly string[];
}

/** A role a source gives an entity, e.g. "White House spokesperson". */
export interface EntityRole {
  readonly role: string;
  readonly citations: readonly Citation[];
}

export interface Entity {
  /** Stable id: the alias table's id, or a slug of the name for entities found in the text. */
  readonly id: string;
  /** The display name: the alias table's name, else the fullest form the sources use most. */
  readonly name: string;
  readonly kind: EntityKind;
  /** A line from the corpus's alias table, e.g. what a metonym stands for. */
  readonly note?: string;
  readonly roles: readonly EntityRole[];
  readonly variants: readonly EntityVariant[];
  readonly mentionCount: number;
  readonly passageIds: readonly string[];
  readonly docIds: readonly string[];
  /** One citation per mention: the span of the name as written. */
  readonly citations: readonly Citation[];
  /** True when the corpus's alias table (knowledge that comes with the bundled corpus) knows the entity. */
  readonly curated: boolean;
  /** What found the mentions: names read from wink-nlp's POS tags, the alias table, or both. */
  readonly foundBy: readonly ('wink-nlp' | 'alias-table')[];
}

// ---------------------------------------------------------------- facts

export type FactKind = 'percent' | 'money' | 'count' | 'duration' | 'date';

/** One statement of a figure, with the figure's words as written. */
export interface FactCitation extends Citation {
  /** The figure as written, e.g. "13.5 trillion rubles", "Over 1,000", "50-day". */
  readonly asWritten: string;
  /** Where `asWritten` sits in `passage.text` (inside `span`). */
  readonly valueSpan: Span;
  /** Words that bound the figure, as written: "more than", "over", "additional", "each". */
  readonly qualifiers: readonly string[];
  /** What this passage says the figure measures. */
  readonly measures: string;
  /** For counts: what is counted, as written ("Hongkongers", "pledged delegates", "mph"). */
  readonly counted?: string;
  /** Whose figure it is: the name nearest before it in its sentence ("Sanders" of "Sanders won with 25.7%"). */
  readonly subject?: string;
}

export interface Fact {
  readonly id: string;
  readonly kind: FactKind;
  /** The normalised number (percent points, currency units, a count, days/weeks…); for dates the year, or null when the source gives none. */
  readonly value: number | null;
  /** "%", "RUB", "USD", "people", "day", "week", "date"… */
  readonly unit: string;
  /** For dates: ISO 8601 as far as known, "--06-02" when the year is not stated. */
  readonly iso?: string;
  /** Short label of what the figure measures. */
  readonly measures: string;
  /** Distinct ways the sources write the figure. */
  readonly asWritten: readonly string[];
  /** The first supporting sentence, verbatim. */
  readonly sentence: string;
  readonly citations: readonly FactCitation[];
  /** Nuances between the statements, e.g. one says "each side" and another does not. */
  readonly notes: readonly string[];
  /** For a date fact: the timeline event it states. */
  readonly eventId?: string;
}

// ---------------------------------------------------------------- stances

export interface Stance {
  readonly id: string;
  /** The merged entity that speaks (person or side). */
  readonly speakerId: string;
  readonly speaker: string;
  /** The speaker as the sentence writes them, e.g. "A French official", "pelosi", "he". */
  readonly speakerAsWritten: string;
  /** A person, or a place or organisation speaking as an institution ("the White House said"). */
  readonly speakerKind: 'person' | 'institution';
  /** The attributing verb as written: "said", "insisted on", "acknowledged", "presented a list of demands"… */
  readonly verb: string;
  /** Normalised kind of the verb. */
  readonly act: 'said' | 'demanded' | 'rejected' | 'acknowledged' | 'criticised' | 'insisted' | 'claimed' | 'other';
  /** Direct quotations in the sentence, without the quote marks. */
  readonly quotes: readonly string[];
  /** Items of a list of demands or priorities, as written. */
  readonly items: readonly string[];
  /** The supporting sentence(s), verbatim. */
  readonly citation: Citation;
}

export interface StanceGroup {
  readonly speakerId: string;
  readonly speaker: string;
  readonly stances: readonly Stance[];
}

// ---------------------------------------------------------------- timeline

export interface TimelineDate {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** For ranges like "between June 20 and June 30". */
  readonly endMonth?: number;
  readonly endDay?: number;
  /** True when the year was taken from elsewhere in the same document, not from the phrase itself. */
  readonly inferred?: boolean;
  /** The words of the same document the year was inferred from. */
  readonly evidence?: Citation;
}

export interface TimelineEvent {
  readonly id: string;
  /** "absolute" dates are on a calendar; "relative" ones ("seven weeks", "50-day") are kept as written. */
  readonly type: 'absolute' | 'relative';
  readonly date?: TimelineDate;
  /** Human label of the date, e.g. "2 June 2025", "June 2 (year not stated)", "50-day deadline". */
  readonly when: string;
  /** For relative dates: what they count from, as far as the text says. */
  readonly relativeTo?: string;
  /** The date phrases as written, e.g. "June 2,2025", "Febuary 2022". */
  readonly asWritten: readonly string[];
  /** What happened, in the source's words (the sentence, shortened). */
  readonly event: string;
  /** Whether the event is proposed or expected rather than reported as having happened. */
  readonly status: 'happened' | 'proposed' | 'deadline' | 'ongoing';
  readonly citations: readonly Citation[];
}

// ---------------------------------------------------------------- disagreements

export interface DisagreementSide {
  /** The value, date or spelling this side gives, as written. */
  readonly says: string;
  readonly citations: readonly Citation[];
}

export interface Disagreement {
  readonly id: string;
  /** spelling: one name written differently; value: one quantity, different numbers or scope; date: one event, different or less precise dates. */
  readonly kind: 'spelling' | 'value' | 'date';
  /** conflict: the sources cannot all be right; nuance: compatible but not the same claim; precision: one is more precise. */
  readonly severity: 'conflict' | 'nuance' | 'precision' | 'variant';
  /** What the sides are about, e.g. "Spelling of Recep Tayyip Erdoğan". */
  readonly subject: string;
  readonly sides: readonly DisagreementSide[];
  /** Why they are listed, never which is right. */
  readonly note: string;
}

// ---------------------------------------------------------------- topics

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Queries run against the search index; their hits make the topic's page. */
  readonly queries: readonly string[];
}

export interface TopicPassage {
  readonly passageId: string;
  readonly docId: string;
  readonly score: number;
  /** The sentences of the passage that match, as a citation. */
  readonly citation: Citation;
}

export interface TopicPage {
  readonly topic: Topic;
  /** Whether the topic came from the topic list or was typed by the user. */
  readonly freeText: boolean;
  readonly passages: readonly TopicPassage[];
  readonly facts: readonly Fact[];
  readonly entities: readonly Entity[];
  readonly stances: readonly Stance[];
}

// ---------------------------------------------------------------- briefing

export interface Briefing {
  /** The topic the briefing is narrowed to, if any. */
  readonly topic?: TopicPage;
  readonly sources: readonly BriefingSource[];
  readonly entities: readonly Entity[];
  readonly facts: readonly Fact[];
  readonly stances: readonly StanceGroup[];
  readonly timeline: readonly TimelineEvent[];
  readonly disagreements: readonly Disagreement[];
  /** Every passage a citation of the briefing points into, by id, so it can be shown and cited on its own. */
  readonly passages: Readonly<Record<string, Passage>>;
}
