import * as vscode from 'vscode';
import { loadOrBuildBundle, type LoadedBundle } from '../core/bundle';
import type { RawSource } from '../core/corpus';
import { parseManifest } from '../core/manifest';
import type { Passage, SourceMeta } from '../core/model';
import type { Log } from './log';

/** A passage together with its source's metadata. */
export interface CitablePassage {
  readonly passage: Passage;
  readonly meta: SourceMeta;
}

/**
 * The sources Briefing searches. Loads the bundled corpus on first use, not
 * at activation, from the prebuilt index shipped in dist/ (rebuilding it in
 * memory, with a line in the output channel, when it is stale or corrupt).
 */
export class Library {
  private loading: Promise<LoadedBundle> | undefined;
  private readonly rawTexts = new Map<string, string>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  /** The loaded corpus and index; the first call starts loading. */
  get(): Promise<LoadedBundle> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      this.log.error('Could not load the bundled sources', error);
      throw error;
    });
    return this.loading;
  }

  /** A passage and its source, or a clear error for an unknown id. */
  async citable(passageId: string): Promise<CitablePassage> {
    const { corpus } = await this.get();
    const passage = corpus.passage(passageId);
    const meta = passage && corpus.meta(passage.docId);
    if (!passage || !meta) throw new UnknownPassageError(passageId);
    return { passage, meta };
  }

  /** The original text of a document, exactly as the file has it. */
  async rawText(docId: string): Promise<string | undefined> {
    await this.get();
    return this.rawTexts.get(docId);
  }

  private async load(): Promise<LoadedBundle> {
    const started = Date.now();
    const dataDir = vscode.Uri.joinPath(this.extensionUri, 'data');
    const hints = parseManifest(await readText(vscode.Uri.joinPath(dataDir, 'sources.json')));
    const sources: RawSource[] = await Promise.all(
      hints.map(async (hint) => ({ raw: await readText(vscode.Uri.joinPath(dataDir, hint.file)), hints: hint })),
    );
    for (const source of sources) this.rawTexts.set(source.hints.id, source.raw);
    const serialized = await readText(vscode.Uri.joinPath(this.extensionUri, 'dist', 'bundled-index.json')).catch(() => undefined);
    const { bundle, rebuiltBecause } = loadOrBuildBundle(serialized, sources);
    if (rebuiltBecause) this.log.warn(`Rebuilt the search index of the bundled sources: ${rebuiltBecause}.`);
    this.log.info(`Loaded ${bundle.corpus.passageCount} passages from ${sources.length} bundled documents in ${Date.now() - started} ms.`);
    return bundle;
  }
}

/** Thrown for a passage id no source has; its message is fit to show a user. */
export class UnknownPassageError extends Error {
  constructor(passageId: string) {
    super(`Briefing has no passage "${passageId.slice(0, 120)}".`);
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}
