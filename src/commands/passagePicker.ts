import * as vscode from 'vscode';
import type { SearchHit } from '../core/search/searchIndex';
import type { DraftInserter } from '../editor/draftInserter';
import type { ArchiveLink } from '../services/archiveLink';
import type { Library } from '../services/library';
import { searchEverywhere } from '../services/searchEverywhere';
import type { PinStore } from '../services/pinStore';
import { settings, type DefaultAction } from '../services/settings';
import type { SnippetMemory } from '../services/snippetMemory';
import type { CitedSources } from '../services/citedSources';
import { escapeIcons, searchRow } from './quickPickText';
import type { SourceMeta } from '../core/model';
import { languageMark } from '../core/text/language';
import type { QuoteChooser } from './quoteChooser';

/** Set while the search quick pick is open, so Alt+Enter can quote its active result. */
const OPEN_CONTEXT = 'briefing.searchOpen';

interface PassageItem extends vscode.QuickPickItem {
  readonly passageId?: string;
  readonly docId?: string;
  /** A completion of the query to search for instead, offered when nothing matched. */
  readonly suggestion?: string;
}

const BUTTONS: ReadonlyArray<vscode.QuickInputButton & { readonly action: DefaultAction | 'pin' }> = [
  { iconPath: new vscode.ThemeIcon('link'), tooltip: 'Insert citation', action: 'insertCitation' },
  { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert quote (Alt+Enter)', action: 'insertQuote' },
  { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open source', action: 'openSource' },
  { iconPath: new vscode.ThemeIcon('pin'), tooltip: 'Pin or unpin', action: 'pin' },
];

export interface PickerOptions {
  readonly query?: string;
  /** What Enter does; the configured default when not given. */
  readonly action?: DefaultAction;
  readonly title?: string;
}

/**
 * The command-palette search: results on every keystroke, ranked by the
 * core (VS Code's own filtering and sorting are turned off), with buttons
 * for the secondary actions. Resolves once the first results are shown.
 */
export class PassagePicker {
  /** The picker on screen, for the keyboard's quote action. */
  private open: vscode.QuickPick<PassageItem> | undefined;

  constructor(
    private readonly library: Library,
    private readonly archive: ArchiveLink,
    private readonly inserter: DraftInserter,
    private readonly chooser: QuoteChooser,
    private readonly pins: PinStore,
    private readonly snippets: SnippetMemory,
    private readonly cited: CitedSources,
    private readonly openSource: (passageId: string) => Promise<unknown>,
    private readonly openDocument: (docId: string) => Promise<unknown>,
    /** Reports a failure after the picker is gone (logs it and shows it), so it never vanishes. */
    private readonly onError: (error: unknown) => void,
  ) {}

  async show(options: PickerOptions = {}): Promise<void> {
    const picker = vscode.window.createQuickPick<PassageItem>();
    picker.title = options.title ?? 'Briefing: Search Sources';
    picker.placeholder = settings.searchMeaning()
      ? 'Search sources: words, names, figures, or what you mean in your own words (pause typing to rank by meaning)'
      : 'Search sources: words, names, figures (typos and spelling variants are fine)';
    picker.matchOnDescription = false;
    picker.matchOnDetail = false;
    (picker as { sortByLabel?: boolean }).sortByLabel = false;
    const action = options.action ?? settings.defaultAction();
    const citedDocs = this.cited.docIds().catch((error: unknown): string[] => {
      this.onError(error);
      return [];
    });

    // Each keystroke searches; an answer to an older keystroke is dropped.
    let latest = 0;
    /** The keystroke whose answer the list shows. */
    let shownRequest = 0;
    const update = async (query: string): Promise<void> => {
      const request = ++latest;
      picker.busy = true;
      const show = (items: PassageItem[], done: boolean): void => {
        if (request !== latest) return;
        // The archive's hits and the pass by meaning may arrive after the words' hits for the same query: the passage
        // under the cursor stays under it. A new keystroke's answer puts its own top result there.
        const active = shownRequest === request ? picker.activeItems[0]?.passageId : undefined;
        shownRequest = request;
        picker.items = items;
        picker.busy = !done;
        const first = items.find((item) => item.kind !== vscode.QuickPickItemKind.Separator && (item.passageId || item.docId || item.suggestion));
        const kept = active === undefined ? undefined : items.find((item) => item.passageId === active);
        // Results arrive after the picker is shown: put the top one under Enter, as typing expects.
        picker.activeItems = kept ? [kept] : first ? [first] : [];
      };
      try {
        if (query.trim()) await this.queryItems(query, await citedDocs, show);
        else show(await this.startItems(), true);
      } catch (error) {
        // Say what went wrong where the user is looking, rather than leave an empty list.
        show([{ label: `$(error) Briefing could not search: ${escapeIcons(error instanceof Error ? error.message : String(error))}`, alwaysShow: true }], true);
      }
    };
    picker.onDidChangeValue((value) => void update(value));
    picker.onDidAccept(() => {
      const item = picker.selectedItems[0] ?? picker.activeItems[0];
      if (!item) return;
      if (item.suggestion) {
        picker.value = `${item.suggestion} `;
        void update(picker.value);
        return;
      }
      picker.hide();
      if (item.passageId) this.run(action, item.passageId).catch(this.onError);
      else if (item.docId) this.openDocument(item.docId).catch(this.onError);
    });
    picker.onDidTriggerItemButton(({ item, button }) => {
      const chosen = BUTTONS.find((candidate) => candidate.tooltip === button.tooltip);
      if (!chosen || !item.passageId) return;
      if (chosen.action === 'pin') {
        this.pins
          .setPinned(item.passageId, !this.pins.isPinned(item.passageId))
          .then(() => update(picker.value))
          .catch(this.onError);
        return;
      }
      picker.hide();
      this.run(chosen.action, item.passageId).catch(this.onError);
    });
    picker.onDidHide(() => {
      if (this.open === picker) {
        this.open = undefined;
        void vscode.commands.executeCommand('setContext', OPEN_CONTEXT, false);
      }
      picker.dispose();
    });
    picker.value = options.query ?? '';
    this.open = picker;
    void vscode.commands.executeCommand('setContext', OPEN_CONTEXT, true);
    picker.show();
    await update(picker.value);
  }

  /** Quotes the result under the keyboard in the open picker (Alt+Enter); false when no picker or result is there. */
  quoteActive(): boolean {
    const picker = this.open;
    const passageId = picker?.activeItems[0]?.passageId;
    if (!picker || !passageId) return false;
    picker.hide();
    this.run('insertQuote', passageId).catch(this.onError);
    return true;
  }

  private async run(action: DefaultAction, passageId: string): Promise<void> {
    switch (action) {
      case 'insertCitation':
        await this.inserter.insertCitation(passageId);
        return;
      case 'insertQuote':
        await this.chooser.quote(passageId);
        return;
      case 'copyCitation': {
        const text = await this.inserter.copyCitation(passageId);
        void vscode.window.setStatusBarMessage(`$(copy) Copied: ${text.slice(0, 80)}`, 4000);
        return;
      }
      case 'openSource':
        await this.openSource(passageId);
        return;
    }
  }

  /** Results for a query, local then merged with the archive's; when nothing matches, completions of it from the sources' own words. */
  private async queryItems(query: string, citedDocs: readonly string[], show: (items: PassageItem[], done: boolean) => void): Promise<void> {
    let found = false;
    await searchEverywhere(this.library, this.archive, query, settings.maxResults(), citedDocs, (hits, final) => {
      if (hits.length > 0 || found) {
        found = true;
        show(this.resultItems(hits), final);
      }
    });
    if (found) return;
    const suggestions = (await this.library.suggest(query).catch(() => [])).slice(0, 5);
    show(
      [
        { label: `No passage matches “${escapeIcons(query.trim())}”`, alwaysShow: true, ...(suggestions.length > 0 ? { detail: 'Search for one of these instead:' } : {}) },
        ...suggestions.map((suggestion) => ({ label: `$(search) ${escapeIcons(suggestion.text)}`, suggestion: suggestion.text, alwaysShow: true })),
      ],
      true,
    );
  }

  private resultItems(hits: readonly SearchHit[]): PassageItem[] {
    return hits.map((hit) => {
      this.snippets.remember(hit.passage.id, hit.snippet.text);
      return this.passageItem(hit.passage.id, hit.snippet.text, hit.meta, hit.passage.heading);
    });
  }

  /** With nothing typed: pinned and recently used passages, then the documents. */
  private async startItems(): Promise<PassageItem[]> {
    const items: PassageItem[] = [];
    const pinned = this.pins.pins();
    const section = async (label: string, ids: readonly string[]): Promise<void> => {
      const passages = await this.library.citables(ids);
      if (passages.length === 0) return;
      items.push({ label, kind: vscode.QuickPickItemKind.Separator });
      for (const { passage, meta } of passages) {
        const text = this.snippets.recall(passage.id) ?? passage.text;
        items.push(this.passageItem(passage.id, text, meta, passage.heading));
      }
    };
    await section('Pinned', pinned);
    await section('Recently used', this.pins.recent().filter((id) => !pinned.includes(id)).slice(0, 5));
    items.push({ label: 'Documents', kind: vscode.QuickPickItemKind.Separator });
    for (const { meta, passages } of await this.library.documents()) {
      const by = [meta.author && `by ${meta.author}`, meta.outlet].filter(Boolean).join(' · ');
      items.push({
        label: `$(file-text) ${escapeIcons(meta.title)}`,
        description: escapeIcons([by, meta.date.label].filter(Boolean).join(' · ')),
        detail: [meta.origin === 'user' ? 'your source' : meta.kind, languageMark(meta.lang)?.name, `${passages} passages`].filter(Boolean).join(' · '),
        docId: meta.id,
        alwaysShow: true,
      });
    }
    return items;
  }

  private passageItem(passageId: string, text: string, meta: SourceMeta, heading: string | undefined): PassageItem {
    const source = meta.outlet ?? meta.author ?? meta.title;
    const collection = meta.collection;
    // Archive hits say so, and which collection: a team's shared sources, not the writer's own; a source in another language says which.
    const language = languageMark(meta.lang);
    const origin = collection === undefined ? undefined : `$(database) archive · ${escapeIcons(collection)}`;
    const row = searchRow({ source, title: meta.title, heading, snippet: text, pinned: this.pins.isPinned(passageId), ...(origin ? { origin } : {}), ...(language ? { language: language.code } : {}) });
    return { ...row, passageId, alwaysShow: true, buttons: [...BUTTONS] };
  }
}
