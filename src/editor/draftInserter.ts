import * as vscode from 'vscode';
import { planCitation, type CitationInsertion } from '../core/cite/insertCitation';
import { planQuote, type QuoteForm } from '../core/cite/insertQuote';
import { formatCitation, type CitationStyle } from '../core/cite/styles';
import { makeSnippet } from '../core/search/snippet';
import type { TextEdit } from '../core/cite/textEdit';
import { composeEdits } from '../core/fixes/composeEdits';
import type { Library, CitablePassage } from '../services/library';
import type { PinStore } from '../services/pinStore';
import { settings } from '../services/settings';
import type { SnippetMemory } from '../services/snippetMemory';
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
  /** Overrides the configured style for this insertion. */
  readonly style?: CitationStyle;
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
  ) {}

  async insertCitation(passageId: string, options: InsertOptions = {}): Promise<InsertionResult> {
    const citable = await this.library.citable(passageId);
    return this.insert(citable, 'citation', options, (text, at, style) => planCitation(text, at, citable.passage, citable.meta, style));
  }

  async insertQuote(passageId: string, options: InsertOptions = {}): Promise<InsertionResult> {
    const citable = await this.library.citable(passageId);
    // What the user last saw of the passage; else its opening sentences, never a whole long paragraph.
    const quote = options.quote ?? this.snippets.recall(passageId) ?? makeSnippet(citable.passage.text, new Set()).text;
    return this.insert(citable, 'quote', options, (text, at, style, editor) => {
      const form = options.form ?? quoteFormAt(editor);
      const latex = style === 'latex' || ['latex', 'tex'].includes(editor.document.languageId);
      return planQuote(text, at, citable.passage, citable.meta, style, quote, form, latex);
    });
  }

  /** Copies the citation of a passage in the style of the draft (or the configured one). */
  async copyCitation(passageId: string, style?: CitationStyle): Promise<string> {
    const { passage, meta } = await this.library.citable(passageId);
    const chosen = style ?? settings.citationStyle(this.drafts.target()?.document.languageId ?? 'markdown');
    const parts = formatCitation(passage, meta, chosen);
    const text = chosen === 'footnote' || chosen === 'apa' || chosen === 'chicago' ? parts.entry : parts.inText;
    await vscode.env.clipboard.writeText(text);
    await this.pins.markUsed(passageId);
    return text;
  }

  private async insert(
    citable: CitablePassage,
    what: 'citation' | 'quote',
    options: InsertOptions,
    plan: (text: string, at: { start: number; end: number }, style: CitationStyle, editor: vscode.TextEditor) => CitationInsertion,
  ): Promise<InsertionResult> {
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
    const text = document.getText();
    const at = target === undefined ? { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) } : { start: target.offset, end: target.offset };
    const style = options.style ?? settings.citationStyle(document.languageId);
    const insertion = plannedWith(text, at, options, (changed, where) => plan(changed, where, style, editor));
    if (!insertion) return this.offerCopy(citable.passage.id, what, 'The correction does not fit the draft any more; try again.');
    const applied = await editor.edit((builder) => applyTo(builder, document, insertion.edits), { undoStopBefore: true, undoStopAfter: true });
    if (!applied) return this.offerCopy(citable.passage.id, what, 'The editor did not accept the change.');
    await this.pins.markUsed(citable.passage.id);
    return { inserted: true, marker: insertion.marker };
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

/**
 * The edits of an insertion at `at`, after a correction or lead words when
 * given: the citation or quote is planned on the text as it will be, and
 * everything is applied as one set of edits of the text as it is.
 */
function plannedWith(
  text: string,
  at: { start: number; end: number },
  options: InsertOptions,
  plan: (text: string, at: { start: number; end: number }) => CitationInsertion,
): CitationInsertion | undefined {
  const first = options.replace ?? (options.lead ? { start: at.end, end: at.end, text: options.lead } : undefined);
  if (!first) return plan(text, at);
  if (first.start < 0 || first.end > text.length || first.start > first.end || at.end < first.end) return undefined;
  const shift = first.text.length - (first.end - first.start);
  const changed = text.slice(0, first.start) + first.text + text.slice(first.end);
  const where = { start: at.start + (at.start >= first.end ? shift : 0), end: at.end + shift };
  const planned = plan(changed, where);
  return { ...planned, edits: composeEdits(text, first, planned.edits) };
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
  return line.isEmptyOrWhitespace && editor.document.languageId === 'markdown' ? 'block' : 'inline';
}
