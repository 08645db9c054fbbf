import { CitationStyles } from '../../src/node/citationStyles';
import type { Citer } from '../../src/core/cite/insertCitation';
import { SourceLookup } from '../../src/core/cite/sourceLookup';
import { bundled, repoRoot } from './bundledCorpus';

const styles = new CitationStyles(repoRoot);
let lookup: SourceLookup | undefined;

/** The bundled sources as citations see them. */
export function bundledLookup(): SourceLookup {
  lookup ??= new SourceLookup(bundled().bundle.corpus.documents.map((document) => document.meta));
  return lookup;
}

/** A citer for a bundled style (or a .csl path), its engine built once for all tests. */
export function citerFor(style: string, locale = 'en-US'): Citer {
  return { engine: styles.load(style, locale, repoRoot).engine, lookup: bundledLookup() };
}
