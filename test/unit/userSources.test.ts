import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../src/core/sources/fileContent';
import { splitFrontMatter } from '../../src/core/sources/frontMatter';
import { scanHtml } from '../../src/core/sources/htmlScan';
import { readUserSource } from '../../src/core/sources/readSource';
import { parseUserFile, userDocumentId } from '../../src/core/sources/userSource';
import { LibraryEngine } from '../../src/node/libraryEngine';
import { createLibraryService } from '../../src/worker/libraryService';
import { repoRoot } from './bundledCorpus';

const CLIPPING = `---
title: Kremlin sets out terms
outlet: The Daily Courier
author: Ana Petrova
date: 2025-07-24
url: https://example.com/terms
---
# Kremlin sets out terms

Moscow repeated its demand that Kyiv withdraw from four regions before any ceasefire.

## Reactions

Officials in Kyiv called the demand a non-starter and asked for more air defence.
`;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'briefing-sources-'));
}

describe('your own sources', () => {
  describe('reading files', () => {
    it('rejects binary, non-UTF-8 and empty files with a reason, and strips a BOM', () => {
      assert.deepEqual(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x10])), { reason: 'binary', detail: 'contains NUL bytes' });
      assert.equal((decodeText(new Uint8Array([0x66, 0xff, 0xfe, 0x6f])) as { reason: string }).reason, 'invalid-utf8');
      assert.equal((decodeText(new TextEncoder().encode(' \n\t ')) as { reason: string }).reason, 'empty');
      assert.deepEqual(decodeText(new TextEncoder().encode('\uFEFFHello')), { text: 'Hello' });
    });

    it('reads citation metadata from YAML front matter, and reports malformed YAML', () => {
      const { frontMatter, bodyOffset } = splitFrontMatter(CLIPPING);
      assert.deepEqual(frontMatter, { title: 'Kremlin sets out terms', outlet: 'The Daily Courier', author: 'Ana Petrova', date: '2025-07-24', url: 'https://example.com/terms' });
      assert.ok(CLIPPING.slice(bodyOffset).startsWith('# Kremlin sets out terms'));
      assert.match(splitFrontMatter('---\ntitle: [unclosed\n---\nBody\n').problem ?? '', /not valid YAML/);
    });

    it('reduces HTML to its text, dropping scripts and styles, with offsets back into the HTML', () => {
      const html = '<html><head><title>Talks &amp; terms</title><style>p{color:red}</style></head><body><nav>Home | World</nav><h1>Talks resume</h1><p>Both sides met in <b>Istanbul</b> on Monday.</p><script>alert("x")</script><p>A second paragraph.</p></body></html>';
      const scan = scanHtml(html);
      assert.equal(scan.facts.title, 'Talks & terms');
      assert.equal(scan.text, 'Home | World\nTalks resume\nBoth sides met in Istanbul on Monday.\nA second paragraph.');
      assert.deepEqual(scan.blocks.map((block) => block.dropped), ['navigation', undefined, undefined, undefined]);
      const at = scan.text.indexOf('A second');
      assert.ok(html.slice(scan.offsets[at]).startsWith('A second paragraph.'));
    });
  });

  describe('parsing a user file', () => {
    it('takes metadata from front matter and points passages at the file as it is on disk', () => {
      const { document, problems } = parseUserFile({ path: '/notes/terms.md', text: CLIPPING, modifiedMs: 0 });
      assert.deepEqual(problems, []);
      assert.equal(document.meta.title, 'Kremlin sets out terms');
      assert.equal(document.meta.outlet, 'The Daily Courier');
      assert.equal(document.meta.author, 'Ana Petrova');
      assert.equal(document.meta.date.label, '2025-07-24');
      assert.equal(document.meta.origin, 'user');
      assert.deepEqual(document.sections, ['Reactions']);
      for (const passage of document.passages) assert.equal(CLIPPING.slice(passage.span.start, passage.span.end), passage.text);
      assert.equal(document.passages[1].section, 'Reactions');
    });

    it('falls back to the first heading and the file name; an undated file is n.d., its file date only "saved"', () => {
      const modified = Date.UTC(2025, 5, 30, 12);
      assert.equal(parseUserFile({ path: '/x/interview.md', text: '# Interview with a negotiator\n\nHe said talks would resume.\n', modifiedMs: modified }).document.meta.title, 'Interview with a negotiator');
      const plain = parseUserFile({ path: '/x/call-notes.txt', text: 'They said talks would resume.\nAnd more was said later on.\n', modifiedMs: modified }).document;
      assert.equal(plain.meta.title, 'call-notes');
      assert.deepEqual(plain.meta.date, { label: 'n.d.' });
      assert.equal(plain.meta.saved, '2025-06-30');
    });

    it('keeps a hard-wrapped paragraph whole, so figures and quotes across the wrap are found', () => {
      const text = '# Budget talks\n\nThe ministry said the reconstruction fund would cost 4.2 billion euros\nover ten years, and that the first payment was due in March 2026.\n\n- a list item\n- another item\n';
      const { document } = parseUserFile({ path: '/x/wrapped.md', text });
      const paragraph = document.passages.find((passage) => passage.text.includes('4.2 billion euros'));
      assert.ok(paragraph, 'the figure is in a passage');
      assert.equal(paragraph.text, 'The ministry said the reconstruction fund would cost 4.2 billion euros\nover ten years, and that the first payment was due in March 2026.');
      assert.equal(text.slice(paragraph.span.start, paragraph.span.end), paragraph.text);
      assert.equal(paragraph.heading, undefined, 'the first line is not taken for a heading');
      assert.deepEqual(document.passages.map((passage) => passage.text).slice(1), ['- a list item', '- another item']);
    });

    it('keeps HTML passage spans inside the HTML file', async () => {
      const html = '<article><h2>Prisoner swap</h2><p>Both sides freed 84 prisoners each on Friday.</p></article>';
      const read = await readUserSource({ path: '/x/swap.html', text: html });
      assert.ok('document' in read);
      const { document } = read;
      const passage = document.passages.find((candidate) => candidate.text.includes('84 prisoners'));
      assert.ok(passage);
      assert.equal(html.slice(passage.span.start, passage.span.end), 'Both sides freed 84 prisoners each on Friday.');
    });
  });

  describe('the library engine', () => {
    function makeFolder(): string {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'terms.md'), CLIPPING);
      writeFileSync(path.join(dir, 'call.txt'), 'Notes from a call\nA diplomat said the swap of 84 prisoners went ahead on Friday.\n');
      writeFileSync(path.join(dir, 'page.html'), '<h1>Markets</h1><p>The rouble fell after the sanctions deadline passed.</p><script>steal()</script>');
      writeFileSync(path.join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
      writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
      writeFileSync(path.join(dir, 'empty.md'), '');
      writeFileSync(path.join(dir, 'huge.txt'), 'word '.repeat(300_000));
      writeFileSync(path.join(dir, 'ignored.pdf'), 'not a source type');
      symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(path.join(dir, 'sub', 'nested.md'), '# Nested\n\nA nested clipping about Turkish mediation in Istanbul.\n');
      return dir;
    }
    const engineFor = (dir: string, cachePath?: string, version?: string): LibraryEngine =>
      new LibraryEngine({ extensionPath: repoRoot, roots: [dir], includeBundled: true, maxFileBytes: 1024 * 1024, ...(cachePath ? { cachePath } : {}), ...(version ? { version } : {}) });
    const userHits = (engine: LibraryEngine, query: string) => engine.index.index.search(query, { limit: 20 }).filter((hit) => hit.meta.origin === 'user');

    it('indexes good files beside the bundled corpus and lists every skip with its reason', async () => {
      const dir = makeFolder();
      const engine = engineFor(dir);
      const report = await engine.load();
      assert.equal(report.userFiles, 4);
      const reasons = Object.fromEntries(report.skipped.map((skip) => [path.basename(skip.path), skip.reason]));
      assert.deepEqual(reasons, { 'dangling.md': 'broken-link', 'empty.md': 'empty', 'huge.txt': 'too-large', 'ignored.pdf': 'corrupt', 'latin1.txt': 'invalid-utf8', 'photo.md': 'binary' });
      const [hit] = engine.index.index.search('84 prisoners swap', { limit: 1 });
      assert.equal(path.basename(hit.meta.file), 'call.txt');
      assert.ok(engine.index.index.search('prisoner exchange', { limit: 20 }).some((found) => found.meta.origin === 'bundled'));
      assert.equal(engine.index.index.search('steal', { limit: 5 }).length, 0, 'script contents are not indexed');
    });

    it('loads a saved index next time, re-reading only changed files; a corrupt cache is rebuilt', async () => {
      const dir = makeFolder();
      const cache = path.join(tempDir(), 'cache', 'index.json');
      const first = await engineFor(dir, cache).load();
      assert.equal(first.fromCache, false);
      const second = await engineFor(dir, cache).load();
      assert.deepEqual([second.fromCache, second.reread], [true, 0]);
      writeFileSync(path.join(dir, 'call.txt'), 'Notes from a call\nThe swap was postponed to Sunday.\n');
      const third = engineFor(dir, cache);
      const report = await third.load();
      assert.deepEqual([report.fromCache, report.reread], [true, 1]);
      assert.equal(third.index.index.search('postponed Sunday', { limit: 1 }).length, 1);
      assert.equal(third.index.index.search('84 prisoners', { limit: 5 }).filter((hit) => hit.meta.origin === 'user').length, 0, 'the old text is gone');

      writeFileSync(cache, readFileSync(cache, 'utf8').slice(0, 100));
      const rebuilt = await engineFor(dir, cache).load();
      assert.equal(rebuilt.fromCache, false);
      assert.match(rebuilt.notes.join(' '), /truncated or corrupt/);
    });

    it('updates changed and deleted files in one batch, and keeps passage identity across a rename', async () => {
      const dir = makeFolder();
      const engine = engineFor(dir);
      await engine.load();
      const before = engine.index.index.search('Turkish mediation', { limit: 1 })[0].passage.id;
      renameSync(path.join(dir, 'sub', 'nested.md'), path.join(dir, 'sub', 'renamed.md'));
      writeFileSync(path.join(dir, 'terms.md'), CLIPPING.replace('four regions', 'five regions'));
      const report = await engine.update([path.join(dir, 'sub', 'renamed.md'), path.join(dir, 'terms.md')], [path.join(dir, 'sub', 'nested.md')]);
      assert.deepEqual([report.updated, report.removed], [2, 1]);
      const after = engine.index.index.search('Turkish mediation', { limit: 1 })[0].passage.id;
      assert.notEqual(after, before);
      assert.deepEqual(report.renamedPassages.find(([old]) => old === before), [before, after]);
      assert.equal(engine.index.index.search('five regions', { limit: 1 }).length, 1);
    });

    it('forgets every file of a deleted folder from the one event for the folder', async () => {
      const dir = makeFolder();
      writeFileSync(path.join(dir, 'sub', 'second.md'), '# Second\n\nGrain barges waited at the mouth of the Danube.\n');
      mkdirSync(path.join(dir, 'sub-sibling'));
      writeFileSync(path.join(dir, 'sub-sibling', 'kept.md'), '# Kept\n\nA sibling folder whose name starts like the deleted one.\n');
      const engine = engineFor(dir);
      await engine.load();
      assert.equal(userHits(engine, 'Turkish mediation').length, 1);
      rmSync(path.join(dir, 'sub'), { recursive: true });
      const report = await engine.update([], [path.join(dir, 'sub')]);
      assert.equal(report.removed, 2);
      assert.deepEqual(userHits(engine, 'Turkish mediation'), []);
      assert.deepEqual(userHits(engine, 'barges Danube'), []);
      assert.deepEqual([...engine.index.fileRecords().keys()].filter((file) => file.includes(`${path.sep}sub${path.sep}`)), []);
      assert.equal(userHits(engine, 'sibling folder').length, 1, 'a folder that only starts with the same name stays');
    });

    it('notes a cache it cannot save instead of failing, and leaves no temporary file', async () => {
      const dir = makeFolder();
      const storage = tempDir();
      const cache = path.join(storage, 'index.json');
      mkdirSync(cache); // a folder where the file should go: the final rename fails
      const engine = engineFor(dir, cache);
      const report = await engine.load();
      assert.equal(report.userFiles, 4);
      assert.match(report.notes.join(' '), /Could not save the index/);
      writeFileSync(path.join(dir, 'call.txt'), 'Notes from a call\nThe swap was postponed to Sunday.\n');
      const update = await engine.update([path.join(dir, 'call.txt')], []);
      assert.equal(update.updated, 1);
      assert.match(update.notes.join(' '), /Could not save the index/);
      assert.equal(userHits(engine, 'postponed Sunday').length, 1, 'the index in memory is up to date');
      assert.deepEqual(readdirSync(storage), ['index.json']);
    });

    it('does not save the partial index of a cancelled load', async () => {
      const dir = makeFolder();
      const cache = path.join(tempDir(), 'index.json');
      const engine = engineFor(dir, cache);
      const loading = engine.load();
      engine.cancel();
      assert.equal((await loading).cancelled, true);
      assert.equal(existsSync(cache), false);
    });

    it('rebuilds a saved index made by another version of Briefing', async () => {
      const dir = makeFolder();
      const cache = path.join(tempDir(), 'index.json');
      await engineFor(dir, cache, '1.0.0').load();
      assert.equal((await engineFor(dir, cache, '1.0.0').load()).fromCache, true);
      const upgraded = await engineFor(dir, cache, '1.1.0').load();
      assert.equal(upgraded.fromCache, false);
      assert.match(upgraded.notes.join(' '), /another version/);
      assert.equal((await engineFor(dir, cache, '1.1.0').load()).fromCache, true);
    });

    it('remembers the new time stamp of a file whose text did not change', async () => {
      const dir = makeFolder();
      const cache = path.join(tempDir(), 'index.json');
      await engineFor(dir, cache).load();
      const file = path.join(dir, 'call.txt');
      utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
      const report = await engineFor(dir, cache).load();
      assert.deepEqual([report.fromCache, report.reread], [true, 0]);
      const saved = JSON.parse(readFileSync(cache, 'utf8')) as { files: Array<{ path: string; modifiedMs: number }> };
      assert.equal(saved.files.find((record) => record.path === file)?.modifiedMs, statSync(file).mtimeMs);
    });

    it('gives the text of your file without its byte order mark, as the passages count it', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'bom.md');
      writeFileSync(file, '\uFEFF# With a mark\n\nThe port of Odesa reopened on Tuesday.\n');
      const engine = engineFor(dir);
      await engine.load();
      const text = (await engine.rawText(userDocumentId(file))) ?? '';
      assert.ok(text.startsWith('# With a mark'), JSON.stringify(text.slice(0, 5)));
      const [hit] = userHits(engine, 'Odesa reopened');
      assert.equal(text.slice(hit.passage.span.start, hit.passage.span.end), hit.passage.text);
    });

    it('answers calls made while the library loads or reloads once that load is done', async () => {
      const dir = makeFolder();
      const service = createLibraryService(() => {});
      const options = { extensionPath: repoRoot, roots: [dir], includeBundled: false, maxFileBytes: 1024 * 1024 };
      const loading = service.load(options);
      const early = service.search('Turkish mediation', 5, []);
      assert.equal((await early).length, 1);
      await loading;
      writeFileSync(path.join(dir, 'late.md'), '# Late\n\nA late clipping about the Black Sea grain corridor.\n');
      void service.load({ ...options, includeBundled: true });
      const [mine, bundled] = await Promise.all([service.search('Black Sea grain corridor', 5, []), service.search('prisoner exchange', 20, [])]);
      assert.equal(mine.filter((hit) => hit.meta.origin === 'user').length, 1, 'the reload picked up the new file');
      assert.ok(bundled.some((hit) => hit.meta.origin === 'bundled'), 'and the bundled sources it was asked for');
    });
  });
});
