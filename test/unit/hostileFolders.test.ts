import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readManifestFolder } from '../../src/node/bundledSources';
import { LibraryEngine } from '../../src/node/libraryEngine';
import { collectSourceFiles, MAX_DEPTH, readSourceFile, sourceArea } from '../../src/node/userFiles';
import { repoRoot } from './bundledCorpus';

/**
 * Hostile folders, manifests and caches (issue #17): link loops, links out
 * of the source folders, FIFOs and devices, folders nested too deep, a
 * sources.json naming /etc/passwd, and saved indexes that lie. Each is
 * read in bounded time, nothing outside the source folders is read, and
 * every skip says why.
 */
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-folders-'));
  made.push(dir);
  return dir;
}
const note = (name: string, words: string): string => `# ${name}\n\n${words}\n`;
const fifo = (file: string): void => void execFileSync('mkfifo', [file]);
const reasons = (skipped: ReadonlyArray<{ path: string; reason: string }>): Record<string, string> =>
  Object.fromEntries(skipped.map((skip) => [path.basename(skip.path), skip.reason]));

describe('hostile folders', function () {
  this.timeout(30_000);
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  describe('walking', () => {
    it('reads each file once through two links back to its own folder (l1 -> ., l2 -> .)', async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'a.md'), note('A', 'Talks resumed.'));
      symlinkSync('.', path.join(dir, 'l1'));
      symlinkSync('.', path.join(dir, 'l2'));
      symlinkSync('a.md', path.join(dir, 'again.md'));
      const { files, skipped } = await collectSourceFiles([dir]);
      assert.deepEqual(files, [path.join(dir, 'a.md')]);
      assert.deepEqual(reasons(skipped), { l1: 'already-read', l2: 'already-read', 'again.md': 'already-read' });
    });

    it('skips a link that leads outside the source folders, with the reason, unless the setting allows it', async () => {
      const outside = tempDir();
      writeFileSync(path.join(outside, 'secret.md'), note('Secret', 'Not a source.'));
      const dir = tempDir();
      writeFileSync(path.join(dir, 'mine.md'), note('Mine', 'A source.'));
      symlinkSync(outside, path.join(dir, 'elsewhere'));
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'secret-link.md'));
      const closed = await collectSourceFiles([dir]);
      assert.deepEqual(closed.files, [path.join(dir, 'mine.md')]);
      assert.deepEqual(reasons(closed.skipped), { elsewhere: 'outside-sources', 'secret-link.md': 'outside-sources' });
      assert.match(closed.skipped[0].detail ?? '', /briefing\.sources\.followLinksOutside/);
      const open = await collectSourceFiles([dir], await sourceArea([dir], true));
      assert.deepEqual(open.files.map((file) => path.relative(dir, file)).sort(), ['elsewhere/secret.md', 'mine.md']);
    });

    it('never opens a FIFO, a device or a socket, and says what it is', async () => {
      const dir = tempDir();
      fifo(path.join(dir, 'pipe.md'));
      symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
      writeFileSync(path.join(dir, 'ok.md'), note('OK', 'Fine.'));
      const area = await sourceArea([dir], true);
      const { files, skipped } = await collectSourceFiles([dir], area);
      assert.deepEqual(files, [path.join(dir, 'ok.md')]);
      assert.deepEqual(reasons(skipped), { 'pipe.md': 'not-a-file', 'zero.md': 'not-a-file' });
      assert.match(skipped.find((skip) => skip.path.endsWith('pipe.md'))?.detail ?? '', /FIFO/);
      // Read directly (a watcher event), a FIFO is refused before a byte is read, not waited on.
      const read = await readSourceFile(path.join(dir, 'pipe.md'), 1024, area);
      assert.equal('skipped' in read && read.skipped.reason, 'not-a-file');
    });

    it('stops below the depth limit, saying where', async () => {
      const dir = tempDir();
      let deep = dir;
      for (let level = 0; level <= MAX_DEPTH + 2; level++) deep = path.join(deep, `d${level}`);
      mkdirSync(deep, { recursive: true });
      writeFileSync(path.join(deep, 'bottom.md'), note('Bottom', 'Too deep.'));
      writeFileSync(path.join(dir, 'top.md'), note('Top', 'Shallow.'));
      const { files, skipped } = await collectSourceFiles([dir]);
      assert.deepEqual(files, [path.join(dir, 'top.md')]);
      assert.equal(skipped.length, 1);
      assert.equal(skipped[0].reason, 'too-deep');
      assert.match(skipped[0].detail ?? '', new RegExp(`more than ${MAX_DEPTH} folders`));
    });

    it('refuses /proc as a source folder instead of walking it', async () => {
      const { files, skipped } = await collectSourceFiles(['/proc']);
      assert.deepEqual(files, []);
      assert.deepEqual(skipped.map((skip) => skip.reason), ['ignored-folder']);
    });

    it('lists every skip in the engine’s load report', async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'a.md'), note('A', 'Talks resumed in Istanbul.'));
      symlinkSync('.', path.join(dir, 'loop'));
      fifo(path.join(dir, 'pipe.txt'));
      const engine = new LibraryEngine({ extensionPath: repoRoot, roots: [dir], includeBundled: false, maxFileBytes: 1024 * 1024 });
      const report = await engine.load();
      assert.equal(report.userFiles, 1);
      assert.deepEqual(reasons(report.skipped), { loop: 'already-read', 'pipe.txt': 'not-a-file' });
    });
  });

  describe('sources.json', () => {
    it('may only name regular files inside its folder, within the size limit', () => {
      const outside = tempDir();
      writeFileSync(path.join(outside, 'other.txt'), 'Another folder’s text.');
      const dir = tempDir();
      writeFileSync(path.join(dir, 'good.txt'), 'Talks resumed in Istanbul on Monday.');
      writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(1000));
      fifo(path.join(dir, 'pipe.txt'));
      symlinkSync(path.join(outside, 'other.txt'), path.join(dir, 'link.txt'));
      const entry = (id: string, file: string): object => ({ id, file, kind: 'note', date: { label: 'n.d.' } });
      const files = ['good.txt', '../../../etc/passwd', '/dev/zero', 'pipe.txt', 'link.txt', 'big.txt', 'missing.txt'];
      writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ sources: files.map((file, i) => entry(`e${i}`, file)) }));
      const { sources, skipped } = readManifestFolder(dir, 2048);
      assert.deepEqual(sources.map((source) => source.hints.file), ['good.txt']);
      assert.deepEqual(
        skipped.map((skip) => skip.reason),
        ['outside-sources', 'outside-sources', 'not-a-file', 'outside-sources', 'too-large', 'broken-link'],
      );
    });
  });

  describe('the saved index is untrusted', () => {
    async function savedFolder(): Promise<{ dir: string; cache: string; saved: Record<string, unknown> }> {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'a.md'), note('A', 'Talks resumed in Istanbul on Monday.'));
      const cache = path.join(tempDir(), 'index.json');
      await new LibraryEngine({ extensionPath: repoRoot, roots: [dir], includeBundled: false, maxFileBytes: 1024 * 1024, cachePath: cache }).load();
      return { dir, cache, saved: JSON.parse(readFileSync(cache, 'utf8')) };
    }
    const engineFor = (dir: string, cache: string): LibraryEngine =>
      new LibraryEngine({ extensionPath: repoRoot, roots: [dir], includeBundled: false, maxFileBytes: 1024 * 1024, cachePath: cache });

    it('discards a cache with wrong types, says why, and rebuilds it; searches keep working', async () => {
      const { dir, cache, saved } = await savedFolder();
      const documents = saved.documents as Array<{ passages: Array<Record<string, unknown>> }>;
      documents[0].passages[0].text = 42;
      writeFileSync(cache, JSON.stringify(saved));
      const engine = engineFor(dir, cache);
      const report = await engine.load();
      assert.equal(report.fromCache, false);
      assert.match(report.notes.join('\n'), /passages\[0\]\.text is not a text/);
      assert.equal(engine.index.index.search('Istanbul', { limit: 5 }).length, 1);
      assert.equal((await engineFor(dir, cache).load()).fromCache, true, 'the rebuilt cache is good');

      writeFileSync(cache, JSON.stringify({ ...saved, documents: 'not a list' }));
      assert.match((await engineFor(dir, cache).load()).notes.join('\n'), /saved documents is not a list/);
    });

    it('prunes a ghost document without a file record, and never serves /etc/passwd as raw text', async () => {
      const { dir, cache, saved } = await savedFolder();
      const documents = saved.documents as Array<{ meta: Record<string, unknown>; passages: Array<Record<string, unknown>> }>;
      const ghost = JSON.parse(JSON.stringify(documents[0]));
      ghost.meta.id = 'u-ghost';
      ghost.meta.file = '/etc/passwd';
      ghost.passages = ghost.passages.map((passage: Record<string, unknown>, i: number) => ({ ...passage, id: `u-ghost#p${i}`, docId: 'u-ghost' }));
      documents.push(ghost);
      writeFileSync(cache, JSON.stringify(saved));
      const engine = engineFor(dir, cache);
      const report = await engine.load();
      assert.match(report.notes.join('\n'), /without a file record \(u-ghost, \/etc\/passwd\)/);
      assert.equal(engine.index.corpus.document('u-ghost'), undefined);
      assert.equal(await engine.rawText('u-ghost'), undefined);
      const saved2 = JSON.parse(readFileSync(cache, 'utf8')) as { documents: Array<{ meta: { file: string } }> };
      assert.ok(saved2.documents.every((document) => document.meta.file !== '/etc/passwd'), 'the ghost does not survive a save');
    });

    it('reads raw text only from a file it indexed, inside the source folders', async () => {
      const { dir, cache } = await savedFolder();
      const engine = engineFor(dir, cache);
      await engine.load();
      const [document] = engine.index.corpus.documents;
      assert.match((await engine.rawText(document.meta.id)) ?? '', /Talks resumed/);
      // The file is replaced by a link to a file outside: its text is not served.
      const outside = tempDir();
      writeFileSync(path.join(outside, 'secret.md'), 'root:x:0:0');
      rmSync(document.meta.file);
      symlinkSync(path.join(outside, 'secret.md'), document.meta.file);
      assert.equal(await engine.rawText(document.meta.id), undefined);
    });
  });
});
