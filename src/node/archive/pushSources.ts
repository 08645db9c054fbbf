/**
 * What `briefing archive push` reads: a folder of the user's own kind of
 * sources (read and parsed exactly as the local library reads them), or
 * the bundled corpus with its manifest.
 */
import * as path from 'node:path';
import type { RawSource } from '../../core/corpus';
import type { SkippedFile } from '../../core/sources/fileContent';
import { fileHash } from '../../core/sources/readSource';
import { userDocumentId } from '../../core/sources/userSource';
import { contentHash } from '../../core/text/hash';
import { collectSourceFiles, readSourceFile } from '../userFiles';
import type { PushItem } from './archivePush';
import { readJob, type ReadJob } from './pushRows';

/**
 * The files under a folder as push items. Ids come from the path relative
 * to the folder, so the same folder pushed from another machine or clone
 * lands on the same documents. A file that is there but skipped is reported
 * with the id it would have, so a push does not take it for deleted.
 */
export async function* folderItems(folder: string, maxFileBytes: number, onSkipped: (skipped: SkippedFile, localId?: string) => void): AsyncGenerator<PushItem> {
  const root = path.resolve(folder);
  const relativeOf = (file: string): string => path.relative(root, path.resolve(root, file)).split(path.sep).join('/') || path.basename(file);
  const idOf = (file: string): string | undefined => {
    const relative = relativeOf(file);
    return relative.startsWith('../') ? undefined : userDocumentId(relative);
  };
  const { files, skipped } = await collectSourceFiles([root]);
  for (const skip of skipped) onSkipped(skip, idOf(skip.path));
  for (const file of files) {
    const read = await readSourceFile(file, maxFileBytes);
    if ('skipped' in read) {
      onSkipped(read.skipped, idOf(file));
      continue;
    }
    const relative = relativeOf(file);
    const userFile = { ...read.file, path: relative };
    const job: ReadJob = { kind: 'file', file: userFile };
    yield {
      sourcePath: relative,
      localId: userDocumentId(relative),
      contentKey: fileHash(userFile),
      size: read.file.sizeBytes ?? read.file.text.length,
      read: () => readJob(job),
      job,
    };
  }
}

/** Sources with manifest metadata (the bundled corpus, a generated corpus) as push items. */
export function manifestItems(sources: readonly RawSource[]): PushItem[] {
  return sources.map((source) => {
    const job: ReadJob = { kind: 'manifest', raw: source.raw, hints: source.hints };
    return {
      sourcePath: source.hints.file,
      localId: source.hints.id,
      contentKey: contentHash(`${JSON.stringify(source.hints)}\n${source.raw}`),
      size: source.raw.length,
      read: () => readJob(job),
      job,
    };
  });
}
