import * as vscode from 'vscode';
import { makeSnippet } from '../core/search/snippet';
import { toTerm } from '../core/text/terms';
import { tokenize } from '../core/text/tokens';
import type { DraftInserter, InsertionResult } from '../editor/draftInserter';
import { parseWebviewMessage, type FromWebview, type PassageCard, type ToWebview } from '../protocol';
import type { CitedSources } from '../services/citedSources';
import type { ArchiveLink } from '../services/archiveLink';
import type { Library } from '../services/library';
import { searchAll, searchEverywhere } from '../services/searchEverywhere';
import type { SearchHit } from '../core/search/searchIndex';
import type { Log } from '../services/log';
import type { PinStore } from '../services/pinStore';
import { settings } from '../services/settings';
import type { SnippetMemory } from '../services/snippetMemory';
import { renderPanelHtml } from './panelHtml';
import { cardFromHit, cardFromPassage, withReader, type CardContext } from './passageCards';

/**
 * The Briefing side panel. Messages to the webview wait until it says it is
 * ready; every message from it is validated before anything is done.
 */
export class PanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'briefing.panel';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pending: ToWebview.Message[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  /** Fires each time the webview (re)loads and is ready for messages. */
  readonly onDidBecomeReady = this.readyEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly library: Library,
    private readonly archive: ArchiveLink,
    private readonly inserter: DraftInserter,
    private readonly pins: PinStore,
    private readonly snippets: SnippetMemory,
    private readonly cited: CitedSources,
    private readonly openSource: (passageId: string) => Promise<unknown>,
    private readonly openDocument: (docId: string) => Promise<unknown>,
    /** Inserts a quote of a passage as "insert quote" does everywhere (a speaker's words, a table row's figure…). */
    private readonly quote: (passageId: string) => Promise<InsertionResult | undefined>,
    private readonly log: Log,
  ) {
    this.disposables.push(
      pins.onDidChange(() => this.sendPins().catch((error: unknown) => this.log.error('Could not show the pinned passages', error))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('briefing.panel.followCursor')) this.post({ type: 'settings', followCursor: settings.followCursor() });
      }),
    );
  }

  get isVisible(): boolean {
    return this.view?.visible === true;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    view.webview.html = renderPanelHtml(view.webview, this.extensionUri, createNonce());
    this.disposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
    );
  }

  /** Sends a message now, or as soon as the webview is ready. */
  post(message: ToWebview.Message): void {
    if (this.view && this.ready) void this.view.webview.postMessage(message);
    else if (message.type !== 'related' || this.pending.length < 50) this.pending.push(message);
  }

  /** Reveals the panel and puts the cursor in its search field, with a query if given. */
  async focusSearch(query?: string): Promise<void> {
    await vscode.commands.executeCommand(`${PanelProvider.viewId}.focus`);
    this.post(query === undefined ? { type: 'focusSearch' } : { type: 'focusSearch', query });
  }

  async cardContext(): Promise<CardContext> {
    return { pinned: new Set(this.pins.pins()), citedDocs: new Set(await this.cited.docIds()) };
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if ('error' in parsed) {
      this.log.warn(`Ignored a message from the panel: ${parsed.error}.`);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`Panel action "${parsed.message.type}" failed`, error);
      this.post({ type: 'notice', level: 'error', message });
    }
  }

  private async handle(message: FromWebview.Message): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.flush();
        this.post({ type: 'settings', followCursor: settings.followCursor() });
        this.post({ type: 'home', home: await this.library.home() });
        await this.sendPins();
        this.readyEmitter.fire();
        return;
      case 'search': {
        // Local cards at once; the archive's join them when they arrive (the same request id, so the panel takes both).
        const citedDocs = await this.cited.docIds();
        const context = { pinned: new Set(this.pins.pins()), citedDocs: new Set(citedDocs) };
        await searchEverywhere(this.library, this.archive, message.query, settings.maxResults(), citedDocs, (hits) => {
          this.post({ type: 'results', requestId: message.requestId, query: message.query, cards: this.cardsOf(hits, context) });
        });
        return;
      }
      case 'insertCitation': {
        const result = await this.inserter.insertCitation(message.passageId);
        if (result.problem) this.post({ type: 'notice', level: 'warning', message: `Not inserted: ${result.problem}` });
        return;
      }
      case 'insertQuote': {
        const result = await this.quote(message.passageId);
        if (result?.problem) this.post({ type: 'notice', level: 'warning', message: `Not inserted: ${result.problem}` });
        return;
      }
      case 'copyCitation': {
        const text = await this.inserter.copyCitation(message.passageId);
        this.post({ type: 'notice', level: 'info', message: `Copied: ${text}` });
        return;
      }
      case 'openSource':
        await this.openSource(message.passageId);
        return;
      case 'pin':
        await this.library.citable(message.passageId);
        await this.pins.setPinned(message.passageId, message.pinned);
        return;
      case 'setFollowCursor':
        await settings.setFollowCursor(message.enabled);
        return;
      case 'openTopic': {
        const [topic, context] = await Promise.all([this.library.topic(message.topic), this.cardContext()]);
        const cards = topic.cards.map((card) => withReader(card, context));
        for (const card of cards) this.snippets.remember(card.passageId, card.snippet);
        this.post({ type: 'topic', topic: { ...topic, cards } });
        return;
      }
      case 'showPassages': {
        const context = await this.cardContext();
        const citables = await this.library.citables(message.passageIds);
        // "Insert quote" on these cards quotes the sentences about what the page is about, not whole paragraphs.
        const about = termsOf(message.title);
        for (const { passage } of citables) this.snippets.remember(passage.id, makeSnippet(passage.text, about).text);
        const cards = citables.map(({ passage, meta }) => cardFromPassage(passage, meta, context));
        this.post({ type: 'passages', title: message.title, cards });
        return;
      }
      case 'openDocument':
        await this.openDocument(message.docId);
        return;
      case 'exportBriefing':
        // Always an argument: without a topic the whole briefing is exported, no picker asked.
        await vscode.commands.executeCommand('briefing.exportBriefing', { topic: message.topic });
        return;
      default: {
        const unhandled: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Search results, local and the archive's, as cards; their snippets are what "insert quote" will quote. */
  async search(query: string, limit = settings.maxResults()): Promise<PassageCard[]> {
    const citedDocs = await this.cited.docIds();
    const context = { pinned: new Set(this.pins.pins()), citedDocs: new Set(citedDocs) };
    return this.cardsOf(await searchAll(this.library, this.archive, query, limit, citedDocs), context);
  }

  private cardsOf(hits: readonly SearchHit[], context: CardContext): PassageCard[] {
    return hits.map((hit) => {
      this.snippets.remember(hit.passage.id, hit.snippet.text);
      return cardFromHit(hit, context);
    });
  }

  /** Sends the home again, e.g. after sources were added. */
  async refreshHome(): Promise<void> {
    if (this.ready) this.post({ type: 'home', home: await this.library.home() });
  }

  private async sendPins(): Promise<void> {
    const context = await this.cardContext();
    const cards = (await this.library.citables(this.pins.pins())).map(({ passage, meta }) => cardFromPassage(passage, meta, context));
    this.post({ type: 'pins', cards });
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    for (const message of pending) this.post(message);
  }

  dispose(): void {
    this.readyEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** A fresh CSP nonce from the platform's cryptographic random source (Node and browsers alike). */
function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The index terms of a page title, to find the sentences a passage says about it. */
function termsOf(title: string): Set<string> {
  return new Set(tokenize(title).flatMap((token) => toTerm(token.word) ?? []));
}
