/**
 * Runs a hostile text through Briefing's public entry points, as the
 * extension's worker and the CLI call them: a source file read, indexed,
 * searched, briefed and cited; a draft checked, tidied and followed. Shared
 * by the hostile-input unit suite and its bench section.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CITATION_STYLES, type CitationStyle } from '../../src/core/cite/styles';
import { planCitation } from '../../src/core/cite/insertCitation';
import { applyEdits } from '../../src/core/cite/textEdit';
import { relatedQuery } from '../../src/core/search/relatedQuery';
import { paragraphAt } from '../../src/core/text/paragraph';
import type { LoadReport } from '../../src/node/libraryEngine';
import type { LibraryApi } from '../../src/worker/libraryApi';
import { createLibraryService } from '../../src/worker/libraryService';

/** What reading one hostile source gave, for the suite's assertions. */
export interface SourceOutcome {
  readonly report: LoadReport;
  readonly passages: number;
  /** Citations of the source's first passage in every style, inserted into a draft. */
  readonly drafts: ReadonlyArray<{ readonly style: CitationStyle; readonly text: string }>;
  readonly titles: readonly string[];
  readonly notes: readonly string[];
}

/** Writes `text` as one source file in a fresh folder and runs it through loading, search, the briefing and citing. */
export async function runSource(extensionPath: string, text: string, ext: string): Promise<SourceOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-'));
  try {
    writeFileSync(path.join(dir, `case.${ext}`), text);
    const service = createLibraryService(() => {});
    const report = await service.load({ extensionPath, roots: [dir], includeBundled: false, maxFileBytes: 8 * 1024 * 1024 });
    await service.home();
    await service.search('talks resumed', 20, []);
    await service.suggest('tal');
    await service.briefingMarkdown();
    await service.topic('talks');
    const documents = await service.documents();
    const drafts: Array<{ style: CitationStyle; text: string }> = [];
    for (const document of documents) {
      await service.rawText(document.meta.id);
      const full = await service.document(document.meta.id);
      const passage = full?.passages[0];
      if (!passage) continue;
      for (const style of CITATION_STYLES) {
        const draft = 'A draft sentence.\n';
        drafts.push({ style, text: applyEdits(draft, planCitation(draft, { start: 17, end: 17 }, passage, document.meta, style).edits) });
      }
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
  await service.tidy(draft);
  await service.citationAt(draft, middle);
  for (const style of CITATION_STYLES) await service.citedDocIds(draft, style);
  const paragraph = paragraphAt(draft, middle);
  const query = relatedQuery(draft.slice(paragraph.start, paragraph.end));
  if (query) await service.search(query, 20, []);
  const cited = await service.citable('wtn-talks-stall#natos-response');
  if (cited) for (const style of CITATION_STYLES) applyEdits(draft, planCitation(draft, { start: middle, end: middle }, cited.passage, cited.meta, style).edits);
}
