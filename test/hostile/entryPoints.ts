/**
 * Runs a hostile text through Briefing's public entry points, as the
 * extension's worker and the CLI call them: a source file read, indexed,
 * searched, briefed and cited; a draft checked, tidied and followed. Shared
 * by the hostile-input unit suite and its bench section.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DraftSyntax } from '../../src/core/cite/draftSyntax';
import { applyEdits } from '../../src/core/cite/textEdit';
import { relatedQuery } from '../../src/core/search/relatedQuery';
import { paragraphAt } from '../../src/core/text/paragraph';
import type { LoadReport } from '../../src/node/libraryEngine';
import type { LibraryApi } from '../../src/worker/libraryApi';
import { createLibraryService } from '../../src/worker/libraryService';

/** The styles and draft syntaxes every source is cited in: a note style and an author-date one, in each syntax. */
export const CITATION_CASES: ReadonlyArray<{ readonly style: string; readonly syntax: DraftSyntax }> = (['markdown', 'latex', 'plain'] as const).flatMap((syntax) =>
  ['chicago-note', 'apa'].map((style) => ({ style, syntax })),
);
const LOCALE = 'en-US';

/** Cites (and quotes) a passage into a draft in every style and syntax of CITATION_CASES, through the worker's planning call. */
async function citeEverywhere(service: LibraryApi, draft: string, at: number, passageId: string, quote?: string): Promise<Array<{ syntax: DraftSyntax; text: string }>> {
  const drafts: Array<{ syntax: DraftSyntax; text: string }> = [];
  for (const { style, syntax } of CITATION_CASES) {
    const plan = await service.planCitation({ draft, at: { start: at, end: at }, passageId, syntax, style, locale: LOCALE });
    drafts.push({ syntax, text: applyEdits(draft, plan.edits) });
    if (quote) {
      const quoted = await service.planCitation({ draft, at: { start: at, end: at }, passageId, syntax, style, locale: LOCALE, quote: { text: quote, form: 'block' } });
      drafts.push({ syntax, text: applyEdits(draft, quoted.edits) });
    }
  }
  return drafts;
}

/**
 * Builds every citation style the entry points use (citeproc-js takes about
 * a second per style): the bench times this apart from the hostile text.
 */
export async function warmStyles(service: LibraryApi, passageId: string): Promise<void> {
  await service.tidy('Text.\n', { style: 'chicago-note', locale: LOCALE });
  await service.tidy('Text.\n', { style: 'apa', locale: LOCALE });
  await citeEverywhere(service, 'A draft sentence.\n', 17, passageId);
}

/** What reading one hostile source gave, for the suite's assertions. */
export interface SourceOutcome {
  readonly report: LoadReport;
  readonly passages: number;
  /** Citations and quotes of the source's first passage in every style and syntax, inserted into a draft. */
  readonly drafts: ReadonlyArray<{ readonly syntax: DraftSyntax; readonly text: string }>;
  readonly titles: readonly string[];
  readonly notes: readonly string[];
}

/** A library for the source cases: each loads its own folder into it, as a settings change does (the citation styles stay loaded). */
export function sourceService(): LibraryApi {
  return createLibraryService(() => {});
}

/** Writes `text` as one source file in a fresh folder and runs it through loading, search, the briefing and citing. */
export async function runSource(service: LibraryApi, extensionPath: string, text: string, ext: string): Promise<SourceOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-'));
  try {
    writeFileSync(path.join(dir, `case.${ext}`), text);
    const report = await service.load({ extensionPath, roots: [dir], includeBundled: false, maxFileBytes: 8 * 1024 * 1024 });
    await service.home();
    await service.search('talks resumed', 20, []);
    await service.suggest('tal');
    await service.briefingMarkdown();
    await service.topic('talks');
    const documents = await service.documents();
    const drafts: Array<{ syntax: DraftSyntax; text: string }> = [];
    for (const document of documents) {
      await service.rawText(document.meta.id);
      const full = await service.document(document.meta.id);
      const passage = full?.passages[0];
      if (!passage) continue;
      await service.speakerWords(passage.id);
      drafts.push(...(await citeEverywhere(service, 'A draft sentence.\n', 17, passage.id, passage.text.slice(0, 200))));
    }
    return { report, passages: report.passages, drafts, titles: documents.map((document) => document.meta.title), notes: [...report.notes, ...report.problems] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A library of the bundled sources, to check hostile drafts against. */
export async function bundledService(extensionPath: string): Promise<LibraryApi> {
  const service = createLibraryService(() => {});
  await service.load({ extensionPath, roots: [], includeBundled: true, maxFileBytes: 1024 * 1024 });
  return service;
}

/** Checks, tidies and follows a hostile draft as the editor does while the user writes. */
export async function runDraft(service: LibraryApi, draft: string): Promise<void> {
  const middle = Math.floor(draft.length / 2);
  await service.checkDraft(draft);
  await service.claims(draft, middle);
  await service.tidy(draft, { style: 'chicago-note', locale: LOCALE });
  await service.tidy(draft, { style: 'apa', locale: LOCALE });
  await service.citationAt(draft, middle);
  await service.citedDocIds(draft);
  await service.bibliographiesNamedIn(draft);
  const paragraph = paragraphAt(draft, middle);
  const query = relatedQuery(draft.slice(paragraph.start, paragraph.end));
  if (query) await service.search(query, 20, []);
  await citeEverywhere(service, draft, middle, 'wtn-talks-stall#natos-response');
}
