/**
 * What `briefing archive push` reads: a folder of the user's own kind of
 * sources (read and parsed exactly as the local library reads them), or
 * the bundled corpus with its manifest.
 */
import * as path from 'node:path';
import type { RawSource } from '../../core/corpus';
import { parseDocument } from '../../core/parse/parseDocument';
import type { SkippedFile } from '../../core/sources/fileContent';
import { isBinaryFormat, sourceFormatOf } from '../../core/sources/fileContent';
import { fileHash, readUserSource, shownTextOf } from '../../core/sources/readSource';
import { userDocumentId } from '../../core/sources/userSource';
import { contentHash } from '../../core/text/hash';
import { collectSourceFiles, readSourceFile } from '../userFiles';
import type { PushItem } from './archivePush';

/**
 * The files under a folder as push items. Ids come from the path relative
 * to the folder, so the same folder pushed from another machine or clone
 * lands on the same documents.
 */
export async function* folderItems(folder: string, maxFileBytes: number, onSkipped: (skipped: SkippedFile) => void): AsyncGenerator<PushItem> {
  const root = path.resolve(folder);
  const { files, skipped } = await collectSourceFiles([root]);
  skipped.forEach(onSkipped);
  for (const file of files) {
    const read = await readSourceFile(file, maxFileBytes);
    if ('skipped' in read) {
      onSkipped(read.skipped);
      continue;
    }
    const relative = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
    const userFile = { ...read.file, path: relative };
    yield {
      sourcePath: relative,
      localId: userDocumentId(relative),
      contentKey: fileHash(userFile),
      size: read.file.sizeBytes ?? read.file.text.length,
      read: async () => {
        const outcome = await readUserSource(userFile);
        if ('skipped' in outcome) return { skipped: outcome.skipped.detail };
        // A PDF or Word file is kept as the text Briefing read from it: its passages point into that text.
        const raw = isBinaryFormat(sourceFormatOf(relative)) ? await shownTextOf(userFile) : userFile.text;
        return { ...outcome, raw: raw ?? '' };
      },
    };
  }
}

/** Sources with manifest metadata (the bundled corpus, a generated corpus) as push items. */
export function manifestItems(sources: readonly RawSource[]): PushItem[] {
  return sources.map((source) => ({
    sourcePath: source.hints.file,
    localId: source.hints.id,
    contentKey: contentHash(`${JSON.stringify(source.hints)}\n${source.raw}`),
    size: source.raw.length,
    read: async () => ({ document: parseDocument(source.raw, source.hints), problems: [], raw: source.raw }),
  }));
}
