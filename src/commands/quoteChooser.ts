import * as vscode from 'vscode';
import { rowFigure } from '../core/quoting/rowFigure';
import { caseAt } from '../core/quoting/sentenceCase';
import { makeSnippet } from '../core/search/snippet';
import type { SpeakerWords } from '../core/statements/speakerWords';
import type { DraftInserter, InsertionResult, InsertOptions } from '../editor/draftInserter';
import type { DraftTracker } from '../editor/draftTracker';
import type { Library } from '../services/library';
import type { SnippetMemory } from '../services/snippetMemory';
import { escapeIcons, oneLine } from './quickPickText';

export interface QuoteOptions extends Pick<InsertOptions, 'style' | 'form' | 'quote' | 'locator'> {
  /** Quote these words of a speaker (as the passage quotes them) with the speaker's name and verb; false: the whole sentence. Either way, without asking. */
  readonly speakerWords?: string | false;
}

interface ChoiceItem extends vscode.QuickPickItem {
  readonly words?: SpeakerWords;
}

/**
 * What "insert quote" puts into the draft, for every way of asking (the
 * command, the quick pick, the panel): a table row's figure, cited, never
 * the row as a quote; for a passage in which someone is quoted, the
 * speaker's own words with their name and verb ("Ruiz called the
 * talks “very hard”"), offered beside the reporter's whole
 * sentence; otherwise the sentences the user was shown.
 */
export class QuoteChooser {
  constructor(
    private readonly library: Library,
    private readonly inserter: DraftInserter,
    private readonly drafts: DraftTracker,
    private readonly snippets: SnippetMemory,
  ) {}

  /** Resolves with what was inserted, or undefined when the user dismissed the choice. */
  async quote(passageId: string, options: QuoteOptions = {}): Promise<InsertionResult | undefined> {
    const { passage } = await this.library.citable(passageId);
    const { speakerWords: asked, ...insert } = options;
    if (passage.kind === 'table-row') return this.citeRow(passageId, passage.text, insert);
    if (insert.quote !== undefined || asked === false) return this.inserter.insertQuote(passageId, insert);
    const spoken = await this.library.speakerWords(passageId);
    if (asked !== undefined) {
      const words = spoken.find((candidate) => candidate.words === asked);
      if (!words) throw new Error(`No speaker is quoted saying “${asked.slice(0, 120)}” in this passage.`);
      return this.quoteSpeaker(passageId, words, insert);
    }
    if (spoken.length === 0) return this.inserter.insertQuote(passageId, insert);
    const chosen = await this.choose(passageId, passage.text, spoken);
    if (!chosen) return undefined;
    return chosen.words ? this.quoteSpeaker(passageId, chosen.words, insert) : this.inserter.insertQuote(passageId, insert);
  }

  /** The speaker's words inline, after their name and verb: the full name unless the draft already names them. */
  private quoteSpeaker(passageId: string, words: SpeakerWords, options: InsertOptions): Promise<InsertionResult> {
    const { text, at } = this.cursor();
    const space = at > 0 && !/\s/.test(text.charAt(at - 1)) ? ' ' : '';
    return this.inserter.insertQuote(passageId, { ...options, quote: words.words, form: 'inline', lead: `${space}${this.spoken(words, text)} ` });
  }

  /** A table row's figure at the cursor, cited as a figure is. */
  private citeRow(passageId: string, rowText: string, options: InsertOptions): Promise<InsertionResult> {
    const figure = rowFigure(rowText);
    if (!figure) return this.inserter.insertCitation(passageId, options);
    const { text, at } = this.cursor();
    const space = at > 0 && !/\s/.test(text.charAt(at - 1)) ? ' ' : '';
    void vscode.window.setStatusBarMessage('$(table) Briefing: a table row is cited as a figure, not quoted', 5000);
    return this.inserter.insertCitation(passageId, { ...options, lead: `${space}${caseAt(figure, text, at)}` });
  }

  private async choose(passageId: string, passageText: string, spoken: readonly SpeakerWords[]): Promise<ChoiceItem | undefined> {
    const draft = this.cursor().text;
    const whole = this.snippets.recall(passageId) ?? makeSnippet(passageText, new Set()).text;
    const items: ChoiceItem[] = [
      ...spoken.map((words) => ({
        label: `$(quote) ${escapeIcons(`${this.spoken(words, draft)} “${words.words}”`)}`,
        description: `${words.short}’s own words`,
        words,
      })),
      { label: '$(whole-word) The reporter’s sentence', detail: oneLine(whole, 400) },
    ];
    return vscode.window.showQuickPick(items, { title: 'Briefing: Insert Quote', placeHolder: 'Quote the speaker’s own words, or the whole sentence', matchOnDetail: true });
  }

  /** "Ruiz called the talks": the surname once the draft names the speaker, else the full name. */
  private spoken(words: SpeakerWords, draft: string): string {
    const named = new RegExp(`(?<![\\p{L}])${escapeRegExp(words.short)}(?![\\p{L}])`, 'u').test(draft);
    return `${named ? words.short : words.full} ${words.lead}`;
  }

  /** The draft a quote goes into, and where: the text and the cursor (the end of the selection). */
  private cursor(): { text: string; at: number } {
    const editor = this.drafts.target();
    return editor ? { text: editor.document.getText(), at: editor.document.offsetAt(editor.selection.end) } : { text: '', at: 0 };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
