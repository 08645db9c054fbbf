/**
 * The messages between the extension host and the panel's webview, defined
 * once for both sides. No `vscode`, no DOM: plain data only. Every message
 * from the webview is untrusted until `parseWebviewMessage` accepts it.
 */

/** A highlighted range within a snippet's text. */
export interface HighlightRange {
  readonly start: number;
  readonly end: number;
}

/** A passage as the panel shows it. All strings are shown as text, never as HTML. */
export interface PassageCard {
  readonly passageId: string;
  readonly docId: string;
  /** Outlet or author, else the document title: who the words come from. */
  readonly source: string;
  readonly title: string;
  readonly heading?: string;
  readonly kind: 'paragraph' | 'question-answer' | 'table-row' | 'callout';
  readonly date: string;
  /** The sentences to show (verbatim), with matched words marked. */
  readonly snippet: string;
  readonly highlights: readonly HighlightRange[];
  readonly pinned: boolean;
  /** Already cited in the draft being written. */
  readonly cited: boolean;
  /** Set for a passage from the shared archive: the collection it belongs to. */
  readonly collection?: string;
  /** The source's language when it is not English: code ("RU") and name ("Russian"). */
  readonly language?: { readonly code: string; readonly name: string };
}

/** A document of the corpus, as the briefing home lists it. */
export interface DocumentSummary {
  readonly docId: string;
  readonly title: string;
  readonly kind: string;
  readonly outlet?: string;
  readonly author?: string;
  readonly date: string;
  readonly passages: number;
  readonly origin: 'bundled' | 'user' | 'archive';
}

/** A figure worth quoting, with where it comes from. */
export interface FactSummary {
  readonly label: string;
  readonly value: string;
  readonly passageIds: readonly string[];
  readonly sources: readonly string[];
}

export interface PersonSummary {
  readonly name: string;
  readonly role?: string;
  /** Person, place or organisation. */
  readonly kind: 'person' | 'place' | 'organisation';
  readonly mentions: number;
  /** Other spellings the sources use, e.g. "Erdogan", "Erdoğan". */
  readonly variants: readonly string[];
  readonly passageIds: readonly string[];
}

/** Who said or demanded what, in the source's words. */
export interface StanceSummary {
  readonly speaker: string;
  readonly verb: string;
  /** The statement as one sentence: who (a surname, or a side as written), then the rest, verb first, with the quoted words. */
  readonly statement: {
    readonly who: string;
    readonly text: string;
    /** `text` is the whole source sentence: the speaker is not its subject. */
    readonly whole: boolean;
  };
  /** The quoted words or the listed demands, verbatim. */
  readonly words: readonly string[];
  /** The sentence it was said in, verbatim. */
  readonly sentence: string;
  readonly passageId: string;
  readonly source: string;
}

/** A dated event. */
export interface TimelineSummary {
  /** The date as the briefing reads it, e.g. "2 June 2025" or "2 June (year not stated)". */
  readonly when: string;
  readonly event: string;
  /** For a relative date ("over seven weeks", "50-day"): what it counts from, as the source says. */
  readonly relativeTo?: string;
  /** True when the year (or date) was inferred from the document's context rather than stated. */
  readonly inferred: boolean;
  readonly status: 'happened' | 'proposed' | 'deadline' | 'ongoing';
  readonly passageIds: readonly string[];
  readonly sources: readonly string[];
}

/** Where sources give different values, dates or spellings, side by side. */
export interface DifferenceSummary {
  readonly subject: string;
  readonly severity: 'conflict' | 'nuance' | 'precision' | 'variant';
  readonly note: string;
  readonly sides: readonly { readonly says: string; readonly source: string; readonly passageIds: readonly string[] }[];
}

export interface TopicSummary {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** What the corpus covers: the panel's home when no search is typed. */
export interface BriefingHome {
  readonly documents: readonly DocumentSummary[];
  readonly topics: readonly TopicSummary[];
  readonly facts: readonly FactSummary[];
  readonly people: readonly PersonSummary[];
  readonly stances: readonly StanceSummary[];
  readonly timeline: readonly TimelineSummary[];
  readonly differences: readonly DifferenceSummary[];
}

/** A topic's page: the best passages across sources, with their facts and people. */
export interface TopicView {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** True for a topic the user typed rather than one from the topic list. */
  readonly freeText: boolean;
  readonly cards: readonly PassageCard[];
  readonly facts: readonly FactSummary[];
  readonly people: readonly PersonSummary[];
  readonly stances: readonly StanceSummary[];
}

// --- extension → webview

export namespace ToWebview {
  export interface Home {
    readonly type: 'home';
    readonly home: BriefingHome;
  }
  export interface Results {
    readonly type: 'results';
    /** Echo of the request, so late answers to older queries are ignored. */
    readonly requestId: number;
    readonly query: string;
    readonly cards: readonly PassageCard[];
  }
  export interface Related {
    readonly type: 'related';
    /** The start of the paragraph the cards relate to, for the section's caption. */
    readonly context: string;
    readonly cards: readonly PassageCard[];
  }
  export interface Pins {
    readonly type: 'pins';
    readonly cards: readonly PassageCard[];
  }
  export interface Settings {
    readonly type: 'settings';
    readonly followCursor: boolean;
  }
  export interface FocusSearch {
    readonly type: 'focusSearch';
    /** Text to search for, e.g. the editor's selection. */
    readonly query?: string;
  }
  export interface Notice {
    readonly type: 'notice';
    readonly level: 'info' | 'warning' | 'error';
    readonly message: string;
  }
  export interface Topic {
    readonly type: 'topic';
    readonly topic: TopicView;
  }
  /** Specific passages to show under a title, e.g. those behind a key fact or a person. */
  export interface Passages {
    readonly type: 'passages';
    readonly title: string;
    readonly cards: readonly PassageCard[];
  }
  export type Message = Home | Results | Related | Pins | Settings | FocusSearch | Notice | Topic | Passages;
}

// --- webview → extension

export namespace FromWebview {
  /** The webview has loaded and can receive messages. */
  export interface Ready {
    readonly type: 'ready';
  }
  export interface Search {
    readonly type: 'search';
    readonly requestId: number;
    readonly query: string;
  }
  export interface PassageAction {
    readonly type: 'insertCitation' | 'insertQuote' | 'copyCitation' | 'openSource';
    readonly passageId: string;
  }
  export interface Pin {
    readonly type: 'pin';
    readonly passageId: string;
    readonly pinned: boolean;
  }
  export interface SetFollowCursor {
    readonly type: 'setFollowCursor';
    readonly enabled: boolean;
  }
  /** Opens a topic page: a listed topic's id, or free text typed by the user. */
  export interface OpenTopic {
    readonly type: 'openTopic';
    readonly topic: string;
  }
  export interface ShowPassages {
    readonly type: 'showPassages';
    readonly title: string;
    readonly passageIds: readonly string[];
  }
  export interface OpenDocument {
    readonly type: 'openDocument';
    readonly docId: string;
  }
  /** Exports the briefing (of a topic, when given) as a Markdown document. */
  export interface ExportBriefing {
    readonly type: 'exportBriefing';
    readonly topic?: string;
  }
  export type Message = Ready | Search | PassageAction | Pin | SetFollowCursor | OpenTopic | ShowPassages | OpenDocument | ExportBriefing;
}

/** The longest query or topic the panel may send. */
export const MAX_QUERY_LENGTH = 500;
const MAX_ID_LENGTH = 300;
const MAX_PASSAGE_IDS = 200;

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/**
 * Accepts a message from the webview only when it has exactly the shape of
 * one of `FromWebview.Message`; anything else is rejected with a reason.
 */
export function parseWebviewMessage(raw: unknown): { message: FromWebview.Message } | { error: string } {
  if (typeof raw !== 'object' || raw === null) return { error: 'message is not an object' };
  const candidate = raw as Record<string, unknown>;
  const type = candidate.type;
  switch (type) {
    case 'ready':
      return { message: { type } };
    case 'search':
      if (!isString(candidate.query, MAX_QUERY_LENGTH)) return { error: `search query must be a string of at most ${MAX_QUERY_LENGTH} characters` };
      if (!Number.isSafeInteger(candidate.requestId)) return { error: 'search requestId must be an integer' };
      return { message: { type, query: candidate.query, requestId: candidate.requestId as number } };
    case 'insertCitation':
    case 'insertQuote':
    case 'copyCitation':
    case 'openSource':
      if (!isString(candidate.passageId, MAX_ID_LENGTH)) return { error: `${type} needs a passageId string` };
      return { message: { type, passageId: candidate.passageId } };
    case 'pin':
      if (!isString(candidate.passageId, MAX_ID_LENGTH) || typeof candidate.pinned !== 'boolean') return { error: 'pin needs a passageId and a boolean pinned' };
      return { message: { type, passageId: candidate.passageId, pinned: candidate.pinned } };
    case 'setFollowCursor':
      if (typeof candidate.enabled !== 'boolean') return { error: 'setFollowCursor needs a boolean enabled' };
      return { message: { type, enabled: candidate.enabled } };
    case 'openTopic':
      if (!isString(candidate.topic, MAX_QUERY_LENGTH) || candidate.topic.trim() === '') return { error: 'openTopic needs a non-empty topic string' };
      return { message: { type, topic: candidate.topic } };
    case 'showPassages': {
      const ids = candidate.passageIds;
      if (!isString(candidate.title, MAX_QUERY_LENGTH)) return { error: 'showPassages needs a title string' };
      if (!Array.isArray(ids) || ids.length > MAX_PASSAGE_IDS || !ids.every((id) => isString(id, MAX_ID_LENGTH))) {
        return { error: `showPassages needs at most ${MAX_PASSAGE_IDS} passage id strings` };
      }
      return { message: { type, title: candidate.title, passageIds: ids as string[] } };
    }
    case 'openDocument':
      if (!isString(candidate.docId, MAX_ID_LENGTH)) return { error: 'openDocument needs a docId string' };
      return { message: { type, docId: candidate.docId } };
    case 'exportBriefing':
      if (candidate.topic !== undefined && !isString(candidate.topic, MAX_QUERY_LENGTH)) return { error: 'exportBriefing topic must be a string' };
      return { message: candidate.topic === undefined ? { type } : { type, topic: candidate.topic } };
    default:
      return { error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
}
