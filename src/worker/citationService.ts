import { addToBibliography } from '../core/cite/bibliographyFile';
import { bibliographyFormatOf } from '../core/cite/bibliographyFormat';
import type { DraftSyntax } from '../core/cite/draftSyntax';
import type { CitationEngine } from '../core/cite/engine';
import { exportItems, type ExportFormat } from '../core/cite/exportSources';
import { planCitation, type Citer, type CitationInsertion, type DraftPosition } from '../core/cite/insertCitation';
import { planQuote, type QuoteForm } from '../core/cite/insertQuote';
import { defaultLocator, locatorForPandoc, parseLocator } from '../core/cite/locator';
import { SourceLookup } from '../core/cite/sourceLookup';
import type { TextEdit } from '../core/cite/textEdit';
import type { Corpus } from '../core/corpus';
import type { Passage } from '../core/model';
import type { CitationStyles } from '../node/citationStyles';

/** Which style and language citations are written in. */
export interface StyleOptions {
  /** A bundled style's id, or the path of a .csl file. */
  readonly style: string;
  /** A locale such as `en-US`. */
  readonly locale: string;
  /** What a relative style path is relative to (the workspace folder). */
  readonly baseFolder?: string;
}

/** What the extension asks for to insert a citation or a quote. */
export interface CitationRequest extends StyleOptions {
  readonly draft: string;
  readonly at: DraftPosition;
  readonly passageId: string;
  readonly syntax: DraftSyntax;
  /** A locator as the user typed it ("p. 12"); by default the passage's page, or for a quote its paragraph. */
  readonly locator?: string;
  readonly quote?: { readonly text: string; readonly form: QuoteForm };
  /** A Pandoc draft's bibliography file: its path, and its text (undefined when it does not exist yet). */
  readonly bibliography?: { readonly path: string; readonly text?: string };
}

/** How a passage's citation is copied as text. */
export type CopyOptions = StyleOptions & { readonly pandoc?: boolean; readonly locator?: string };

/** The edits to make, and the bibliography file's new text when it changes. */
export interface CitationPlan {
  readonly edits: readonly TextEdit[];
  readonly marker: string;
  readonly key: string;
  readonly bibliography?: { readonly path: string; readonly text: string };
  /** Things the user should know (a missing locale). */
  readonly notes: readonly string[];
}

/** A citer whose style is loaded only when a citation needs it (a Pandoc citation does not). */
function citerFor(lookup: SourceLookup, styles: CitationStyles, options: StyleOptions, notes: string[]): Citer {
  let engine: CitationEngine | undefined;
  return {
    lookup,
    get engine(): CitationEngine {
      if (!engine) {
        const loaded = styles.load(options.style, options.locale, options.baseFolder);
        notes.push(...loaded.notes);
        engine = loaded.engine;
      }
      return engine;
    },
  };
}

/**
 * Plans a citation or quote of `passage` for the extension: in the
 * citation thread (see citationThread.ts), where citeproc-js lives, so
 * neither the editor nor a search waits on it.
 */
export function planInsertion(request: CitationRequest, passage: Passage | undefined, lookup: SourceLookup, styles: CitationStyles): CitationPlan {
  if (!passage) throw new Error(`Briefing has no passage "${request.passageId.slice(0, 120)}".`);
  const notes: string[] = [];
  const citer = citerFor(lookup, styles, request, notes);
  const locator = request.locator?.trim() ? parseLocator(request.locator) : defaultLocator(passage, request.quote !== undefined);
  let bibliography: CitationPlan['bibliography'];
  let key: string | undefined;
  if (request.bibliography && request.syntax === 'markdown') {
    const format = bibliographyFormatOf(request.bibliography.path);
    if (!format) throw new Error(`Briefing can add sources to .json (CSL JSON), .yaml (CSL YAML) and .bib (BibTeX) bibliographies, not to ${request.bibliography.path}.`);
    const update = addToBibliography(request.bibliography.text, format, lookup.item(passage.docId)!, request.bibliography.path.split(/[\\/]/).pop());
    key = update.key;
    if (update.text !== undefined) bibliography = { path: request.bibliography.path, text: update.text };
  }
  const options = { syntax: request.syntax, ...(key ? { pandoc: true } : {}), ...(locator ? { locator } : {}) };
  let insertion: CitationInsertion = request.quote
    ? planQuote(request.draft, request.at, passage, request.quote.text, request.quote.form, options, citer)
    : planCitation(request.draft, request.at, passage.docId, options, citer);
  if (key && key !== insertion.key) insertion = withKey(insertion, insertion.key, key);
  return { edits: insertion.edits, marker: key ? insertion.marker.replace(`@${insertion.key}`, `@${key}`) : insertion.marker, key: key ?? insertion.key, ...(bibliography ? { bibliography } : {}), notes };
}

/** The same insertion citing an entry already in the bibliography under another key. */
function withKey(insertion: CitationInsertion, from: string, to: string): CitationInsertion {
  return { ...insertion, key: to, edits: insertion.edits.map((edit) => ({ ...edit, text: edit.text.split(`@${from}`).join(`@${to}`) })) };
}

/** The citation of a passage as text to copy: `[@key]` for a Pandoc draft, else the full note or the reference entry. */
export function citationText(
  passageId: string,
  passage: Passage | undefined,
  options: CopyOptions,
  lookup: SourceLookup,
  styles: CitationStyles,
): string {
  const item = passage && lookup.item(passage.docId);
  if (!passage || !item) throw new Error(`Briefing has no passage "${passageId.slice(0, 120)}".`);
  const locator = options.locator?.trim() ? parseLocator(options.locator) : defaultLocator(passage, false);
  if (options.pandoc) return `[@${item.id}${locator ? `, ${locatorForPandoc(locator)}` : ''}]`;
  const { engine } = styles.load(options.style, options.locale, options.baseFolder);
  return engine.isNoteStyle ? engine.cite(item, 'text', locator) : (engine.bibliography([item], 'text')[0]?.text ?? engine.cite(item, 'text', locator));
}

/** The library's sources (or some of them) as a CSL JSON, BibTeX or RIS file. */
export function exportSources(format: ExportFormat, corpus: Corpus, lookup: SourceLookup, docIds?: readonly string[]): string {
  const ids = docIds ?? corpus.documents.map((document) => document.meta.id);
  return exportItems(ids.flatMap((id) => lookup.item(id) ?? []), format);
}

/** A lookup of the corpus's sources, made once per corpus state. */
export function lookupOf(corpus: Corpus): SourceLookup {
  return new SourceLookup(corpus.documents.map((document) => document.meta));
}

export { citerFor };
