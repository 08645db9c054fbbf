import * as vscode from 'vscode';
import type { QuoteForm } from '../core/cite/insertQuote';
import { makeSnippet } from '../core/search/snippet';
import type { TextEdit } from '../core/cite/textEdit';
import { composeEdits } from '../core/fixes/composeEdits';
import type { Library, CitablePassage } from '../services/library';
import type { Log } from '../services/log';
import type { PinStore } from '../services/pinStore';
import { settings } from '../services/settings';
import type { SnippetMemory } from '../services/snippetMemory';
import type { CitationRequest } from '../worker/citationService';
import { citationSetupOf, readBibliography, writeBibliography } from './citationTarget';
import type { DraftTracker } from './draftTracker';
import { SOURCE_SCHEME } from './sourceViewer';

/** What an insertion did, for the caller (and the tests) to check. */
export interface InsertionResult {
  readonly inserted: boolean;
  readonly marker?: string;
  /** Why nothing was inserted, as told to the user. */
  readonly problem?: string;
}

export interface InsertOptions {
  /** Overrides the configured style for this insertion: a bundled style's id or a .csl file's path. */
  readonly style?: string;
  /** Where in the source: "p. 12", "para. 4"; by default the passage's page, or a quote's paragraph. */
  readonly locator?: string;
  /** For quotes: overrides the configured form. */
  readonly form?: QuoteForm;
  /** For quotes: the verbatim words to quote; by default the sentences last shown. */
  readonly quote?: string;
  /** Where to insert, as an offset of one version of a draft; by default the cursor (or the end of the selection) of the target draft. */
  readonly at?: DraftOffset;
  /** Words put at the insertion point before the quote or citation, in the same step: a speaker's name and verb, a table row's figure. */
  readonly lead?: string;
  /** A correction of the draft (offsets of the draft version `at` names) made in the same undo step; `at` must not come before it. */
  readonly replace?: TextEdit;
}

/** An offset in a draft as it was when a check computed it: only valid while the draft is at that version. */
export interface DraftOffset {
  readonly offset: number;
  /** The draft's document uri, as a string. */
  readonly uri: string;
  readonly version: number;
}

/**
 * Puts citations and quotes into the draft at the cursor, in one undo step,
 * never touching text the user did not select; when there is nowhere to
 * write, says so and offers the clipboard instead.
 */
export class DraftInserter {
  constructor(
    private readonly library: Library,
    private readonly drafts: DraftTracker,
    private readonly pins: PinStore,
    private readonly snippets: SnippetMemory,
    private readonly log?: Log,
  ) {}

  async insertCitation(passageId: string, options: InsertOptions = {}): Promise<InsertionResult> {
    const citable = await this.library.citable(passageId);
    return this.insert(citable, 'citation', options, () => undefined);
  }

  async insertQuote(passageId: string, options: InsertOptions = {}): Promise<InsertionResult> {
    const citable = await this.library.citable(passageId);
    // What the user last saw of the passage; else its opening sentences, never a whole long paragraph.
    const text = options.quote ?? this.snippets.recall(passageId) ?? makeSnippet(citable.passage.text, new Set()).text;
    if (!citable.passage.text.includes(text)) throw new Error(`The quote is not in passage ${passageId} word for word.`);
    return this.insert(citable, 'quote', options, (editor) => ({ text, form: options.form ?? quoteFormAt(editor) }));
  }

  /** Copies the citation of a passage as the target draft would have it (or in the style given). */
  async copyCitation(passageId: string, style?: string): Promise<string> {
    const document = this.drafts.target()?.document;
    let options: Parameters<Library['citationText']>[1] = { style: style ?? settings.defaultCitationStyle(), locale: 'en-US' };
    if (document) {
      try {
        const setup = citationSetupOf(document, /^---/.test(document.getText()) ? await this.library.bibliographiesNamedIn(document.getText()) : []);
        options = { style: style ?? setup.settings.style, locale: setup.settings.locale, ...(setup.baseFolder ? { baseFolder: setup.baseFolder } : {}), ...(setup.bibliography && !style ? { pandoc: true } : {}) };
      } catch {
        // A bibliography file as the target: copy in the configured style.
      }
    }
    const text = await this.library.citationText(passageId, options);
    await vscode.env.clipboard.writeText(text);
    await this.pins.markUsed(passageId);
    return text;
  }

  private async insert(citable: CitablePassage, what: 'citation' | 'quote', options: InsertOptions, quoteOf: (editor: vscode.TextEditor) => CitationRequest['quote']): Promise<InsertionResult> {
    // An offset belongs to the draft it was computed in, never to whichever editor is the target now.
    const target = options.at;
    const editor = target ? vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === target.uri) : this.drafts.target();
    const problem = !editor
      ? target
        ? 'The checked draft is no longer open in an editor.'
        : 'There is no open editor to insert into.'
      : editor.document.isClosed
        ? 'The draft was closed.'
        : isReadOnly(editor.document)
          ? `“${editor.document.fileName.split(/[\\/]/).pop()}” is read-only.`
          : this.drafts.isSourceView(editor.document)
            ? `“${editor.document.fileName.split(/[\\/]/).pop()}” is one of your sources, opened to show a passage; a citation would change it.`
            : target && editor.document.version !== target.version
              ? 'The draft changed since the check; try again.'
              : undefined;
    if (problem || !editor) return this.offerCopy(citable.passage.id, what, problem ?? 'There is no open editor.');

    const document = editor.document;
    let setup: ReturnType<typeof citationSetupOf>;
    try {
      setup = citationSetupOf(document, /^---/.test(document.getText()) ? await this.library.bibliographiesNamedIn(document.getText()) : []);
    } catch (error) {
      return this.offerCopy(citable.passage.id, what, (error as Error).message);
    }
    const version = document.version;
    const text = document.getText();
    const at = target === undefined ? { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) } : { start: target.offset, end: target.offset };
    const quote = quoteOf(editor);
    // A correction or lead words go in first: the citation is planned on the text as it will be, and all of it applied as one step.
    const first = options.replace ?? (options.lead ? { start: at.end, end: at.end, text: options.lead } : undefined);
    if (first && (first.start < 0 || first.end > text.length || first.start > first.end || at.end < first.end)) {
      return this.offerCopy(citable.passage.id, what, 'The correction does not fit the draft any more; try again.');
    }
    const shift = first ? first.text.length - (first.end - first.start) : 0;
    const planned = first
      ? { draft: text.slice(0, first.start) + first.text + text.slice(first.end), at: { start: at.start + (at.start >= first.end ? shift : 0), end: at.end + shift } }
      : { draft: text, at };
    let plan: Awaited<ReturnType<Library['planCitation']>>;
    try {
      const bibliography = setup.bibliography ? { path: setup.bibliography.fsPath, text: await readBibliography(setup.bibliography) } : undefined;
      plan = await this.library.planCitation({
        draft: planned.draft,
        at: planned.at,
        passageId: citable.passage.id,
        syntax: setup.syntax,
        style: options.style ?? setup.settings.style,
        locale: setup.settings.locale,
        ...(setup.baseFolder ? { baseFolder: setup.baseFolder } : {}),
        ...(options.locator ? { locator: options.locator } : {}),
        ...(quote ? { quote } : {}),
        ...(bibliography ? { bibliography: bibliography.text === undefined ? { path: bibliography.path } : bibliography } : {}),
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`Briefing could not insert the ${what}: ${(error as Error).message}`);
      return { inserted: false, problem: (error as Error).message };
    }
    for (const note of plan.notes) this.log?.warn(note);
    // The plan was made for the text as it was; a draft typed into meanwhile gets a fresh one.
    if (document.version !== version) return { inserted: false, problem: 'The draft changed while the citation was prepared; try again.' };
    if (plan.bibliography && setup.bibliography) {
      try {
        await writeBibliography(setup.bibliography, plan.bibliography.text);
      } catch (error) {
        void vscode.window.showErrorMessage((error as Error).message);
        return { inserted: false, problem: (error as Error).message };
      }
    }
    const edits = first ? composeEdits(text, first, plan.edits) : plan.edits;
    const applied = await editor.edit((builder) => applyTo(builder, document, edits), { undoStopBefore: true, undoStopAfter: true });
    if (!applied) return this.offerCopy(citable.passage.id, what, 'The editor did not accept the change.');
    await this.pins.markUsed(citable.passage.id);
    return { inserted: true, marker: plan.marker };
  }

  /** Says why nothing was inserted and offers the clipboard; does not wait for the user's answer. */
  private offerCopy(passageId: string, what: 'citation' | 'quote', problem: string): InsertionResult {
    const copy = 'Copy Citation';
    void vscode.window
      .showWarningMessage(`Briefing could not insert the ${what}: ${problem} Open your draft and place the cursor where it goes, or copy the citation.`, copy)
      .then((choice) => (choice === copy ? this.copyCitation(passageId) : undefined));
    return { inserted: false, problem };
  }
}

function applyTo(builder: vscode.TextEditorEdit, document: vscode.TextDocument, edits: readonly TextEdit[]): void {
  for (const edit of edits) {
    builder.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
  }
}

function isReadOnly(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === SOURCE_SCHEME) return true;
  return vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false;
}

/** A quote on an empty line stands as a block; inside a sentence it runs inline. */
function quoteFormAt(editor: vscode.TextEditor): QuoteForm {
  const configured = settings.quoteForm();
  if (configured !== 'auto') return configured;
  const line = editor.document.lineAt(editor.selection.active.line);
  return line.isEmptyOrWhitespace && editor.document.languageId !== 'plaintext' ? 'block' : 'inline';
}
