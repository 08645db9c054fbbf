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
  readonly origin: 'bundled' | 'user';
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
  readonly mentions: number;
  readonly passageIds: readonly string[];
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
  export type Message = Home | Results | Related | Pins | Settings | FocusSearch | Notice;
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
  export type Message = Ready | Search | PassageAction | Pin | SetFollowCursor;
}

const MAX_QUERY_LENGTH = 500;
const MAX_ID_LENGTH = 300;

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
    default:
      return { error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
}
