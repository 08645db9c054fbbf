/**
 * Hostile folders, manifests and caches at a given size, for the bench
 * section (bench/hostile.ts): each builds its input in a fresh folder and
 * runs it through the engine or the manifest reader as Briefing does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readManifestFolder } from '../../src/node/bundledSources';
import { LibraryEngine } from '../../src/node/libraryEngine';
import { repeat } from './generators';

export interface FolderCase {
  readonly name: string;
  readonly why: string;
  /** Builds the input (not timed). */
  readonly prepare: (dir: string, bytes: number) => void;
  /** Runs it (timed). */
  readonly run: (dir: string, extensionPath: string) => Promise<void>;
}

const FILES = 100;
const prose = (bytes: number): string => repeat('Talks resumed in Istanbul on Monday, officials said. ', bytes);
const load = async (extensionPath: string, root: string, cachePath?: string): Promise<void> => {
  await new LibraryEngine({ extensionPath, roots: [root], includeBundled: false, maxFileBytes: 8 * 1024 * 1024, ...(cachePath ? { cachePath } : {}) }).load();
};
function writeNotes(dir: string, bytes: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, `note-${i}.md`), `# Note ${i}\n\n${prose(bytes / FILES)}\n`);
}

export const FOLDER_CASES: readonly FolderCase[] = [
  {
    name: 'link-loops',
    why: 'l1 -> ., l2 -> . and loop -> . once ran past 120 s, reading each file 21 times',
    prepare: (dir, bytes) => {
      writeNotes(path.join(dir, 'src'), bytes);
      for (const name of ['l1', 'l2', 'loop']) symlinkSync('.', path.join(dir, 'src', name));
    },
    run: (dir, extensionPath) => load(extensionPath, path.join(dir, 'src')),
  },
  {
    name: 'fifos-and-devices',
    why: 'a FIFO blocks a read forever, /dev/zero never ends',
    prepare: (dir, bytes) => {
      writeNotes(path.join(dir, 'src'), bytes);
      execFileSync('mkfifo', [path.join(dir, 'src', 'pipe.md')]);
      symlinkSync('/dev/zero', path.join(dir, 'src', 'zero.md'));
    },
    run: (dir, extensionPath) => load(extensionPath, path.join(dir, 'src')),
  },
  {
    name: 'deep-folders',
    why: 'folders nested past the depth limit',
    prepare: (dir, bytes) => {
      let deep = path.join(dir, 'src');
      for (let level = 0; level < 40; level++) {
        deep = path.join(deep, `d${level}`);
        mkdirSync(deep, { recursive: true });
        writeFileSync(path.join(deep, 'note.md'), `# Level ${level}\n\n${prose(bytes / 40)}\n`);
      }
    },
    run: (dir, extensionPath) => load(extensionPath, path.join(dir, 'src')),
  },
  {
    name: 'manifest-escapes',
    why: 'a sources.json naming ../../../etc/passwd and /dev/zero (which reached 10.9 GB in 30 s)',
    prepare: (dir, bytes) => {
      writeFileSync(path.join(dir, 'good.txt'), prose(bytes));
      const entry = (id: string, file: string): object => ({ id, file, kind: 'note', date: { label: 'n.d.' } });
      writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ sources: [entry('good', 'good.txt'), entry('passwd', '../../../etc/passwd'), entry('zero', '/dev/zero')] }));
    },
    run: async (dir) => void readManifestFolder(dir, 8 * 1024 * 1024),
  },
  {
    name: 'cache-wrong-types',
    why: 'a saved index with a number for a passage’s text was accepted, and every search threw',
    prepare: (dir, bytes) => writeNotes(path.join(dir, 'src'), bytes),
    // Timed: building the cache, spoiling it, and loading again (which finds the fault and rebuilds).
    run: async (dir, extensionPath) => {
      const cache = path.join(dir, 'cache.json');
      await load(extensionPath, path.join(dir, 'src'), cache);
      const saved = JSON.parse(readFileSync(cache, 'utf8')) as { documents: Array<{ passages: Array<{ text: unknown }> }> };
      saved.documents[saved.documents.length - 1].passages[0].text = 42;
      writeFileSync(cache, JSON.stringify(saved));
      await load(extensionPath, path.join(dir, 'src'), cache);
    },
  },
];

/** A fresh folder for a case, removed by the returned function. */
export function caseFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
