/**
 * What the library asks of citeproc-js: planning a citation or quote,
 * copying a citation, tidying a draft's notes. Building a style takes
 * citeproc-js about a second of CPU, so the index worker makes these calls
 * on a thread of their own (citationThread.ts) and a search is never
 * queued behind them; the CLI, the bench and the tests make them in-process
 * (`localCitations`).
 */
import { tidyFootnotes, type TidyResult } from '../core/checks/tidyFootnotes';
import { SourceLookup } from '../core/cite/sourceLookup';
import { DEFAULT_STYLE } from '../core/cite/styles';
import type { Passage, SourceMeta } from '../core/model';
import { CitationStyles } from '../node/citationStyles';
import { citationText, citerFor, planInsertion, type CitationPlan, type CitationRequest, type CopyOptions, type StyleOptions } from './citationService';

/**
 * The sources a citation may name. `version` names one state of the
 * library: the same version always comes with the same metadata, so the
 * other side builds its lookup once per version (and a thread is sent the
 * metadata once per version). Undefined: a one-off set (archive sources
 * added), used once.
 */
export interface CitationSources {
  readonly version?: number;
  readonly metas: () => readonly SourceMeta[];
}

export interface CitationCalls {
  /** The edits that insert a citation or quote of `passage` (undefined: the passage is unknown, an error). */
  plan(request: CitationRequest, passage: Passage | undefined, sources: CitationSources): Promise<CitationPlan>;
  /** A passage's citation as text to copy. */
  text(passageId: string, passage: Passage | undefined, options: CopyOptions, sources: CitationSources): Promise<string>;
  /** The edits that tidy a draft's footnotes, Briefing's notes in `style`. */
  tidy(draft: string, style: StyleOptions | undefined, sources: CitationSources): Promise<TidyResult>;
  /** Builds a style ahead of its first use (at idle, off the search path); a style that cannot be used is ignored here. */
  warm(style: StyleOptions): Promise<void>;
  dispose(): void;
}

/** The calls made on the caller's own thread; styles and the latest lookup are kept. */
export function localCitations(extensionPath: string): CitationCalls {
  const styles = new CitationStyles(extensionPath);
  let cached: { version: number; lookup: SourceLookup } | undefined;
  const lookupOf = (sources: CitationSources): SourceLookup => {
    if (sources.version === undefined) return new SourceLookup(sources.metas());
    if (cached?.version !== sources.version) cached = { version: sources.version, lookup: new SourceLookup(sources.metas()) };
    return cached.lookup;
  };
  return {
    async plan(request, passage, sources) {
      return planInsertion(request, passage, lookupOf(sources), styles);
    },
    async text(passageId, passage, options, sources) {
      return citationText(passageId, passage, options, lookupOf(sources), styles);
    },
    async tidy(draft, style, sources) {
      return tidyFootnotes(draft, citerFor(lookupOf(sources), styles, style ?? { style: DEFAULT_STYLE, locale: 'en-US' }, []));
    },
    async warm(style) {
      try {
        styles.load(style.style, style.locale, style.baseFolder);
      } catch {
        // The first citation in this style reports the problem.
      }
    },
    dispose() {},
  };
}
