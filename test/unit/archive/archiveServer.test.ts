import { strict as assert } from 'node:assert';
import { bundledAliases } from '../../../src/core/search/aliasTable';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ArchiveConnection } from '../../../src/node/archive/archiveConnection';
import type { ArchiveError } from '../../../src/node/archive/archiveError';
import { pushDocuments, pushHash, removeDocument } from '../../../src/node/archive/archivePush';
import { parseDocument } from '../../../src/core/parse/parseDocument';
import { ArchiveReader } from '../../../src/node/archive/archiveReader';
import { migrate, schemaVersion } from '../../../src/node/archive/archiveSchema';
import { folderItems, manifestItems } from '../../../src/node/archive/pushSources';
import { LATEST_VERSION } from '../../../src/core/archive/schema';
import { DOCUMENT_COLUMNS, documentRows, intoCollection, PASSAGE_COLUMNS } from '../../../src/core/archive/archiveRows';
import { bundled, repoRoot } from '../bundledCorpus';
import { readSourceFile } from '../../../src/node/userFiles';
import { readUserSource } from '../../../src/core/sources/readSource';
import { freshDatabase, requirePostgres } from './cluster';

const noSkips = (): void => undefined;
/** The content hash a push stores for a manifest source. */
const pushHashOf = (source: { raw: string; hints: { id: string } }): string => pushHash(manifestItems([source as never])[0]);

describe('the archive on a real PostgreSQL', function () {
  this.timeout(60_000);
  let url: string;
  let sql: (statement: string) => string;
  const open: ArchiveConnection[] = [];
  const connect = (address = url, password?: string): ArchiveConnection => {
    const connection = new ArchiveConnection({ url: address, ...(password ? { password } : {}) });
    open.push(connection);
    return connection;
  };

  before(async function () {
    requirePostgres(this);
    const database = await freshDatabase();
    url = database.url;
    sql = (statement) => database.cluster.sql(statement, database.name);
  });
  after(async () => {
    await Promise.all(open.map((connection) => connection.close()));
  });

  describe('schema', () => {
    it('is created at the latest version, and init again changes nothing', async () => {
      const connection = connect();
      assert.equal(await schemaVersion(connection), 0);
      assert.deepEqual(await migrate(connection), { from: 0, applied: Array.from({ length: LATEST_VERSION }, (_, i) => i + 1) });
      assert.deepEqual(await migrate(connection), { from: LATEST_VERSION, applied: [] });
      assert.equal(await schemaVersion(connection), LATEST_VERSION);
    });

    it('migrates an older archive without losing its documents, and fills what the new version adds', async () => {
      const older = await freshDatabase();
      const connection = connect(older.url);
      await migrate(connection, 1);
      // Version 1 has no vocabulary and no search functions: write a document the way a version-1 Briefing did.
      const document = intoCollection(bundled().bundle.corpus.document('wtn-talks-stall')!, 'wire');
      const rows = documentRows(document, bundled().sources[0].raw, 'hash', 'wtn.txt');
      older.cluster.sql(`insert into briefing.collections (name) values ('wire');
copy briefing.documents (${DOCUMENT_COLUMNS.join(', ')}) from stdin;
${rows.document}\\.
copy briefing.passages (${PASSAGE_COLUMNS.join(', ')}) from stdin;
${rows.passages}\\.
`, older.name);
      const before = older.cluster.sql('select count(*) from briefing.passages;', older.name).trim();
      assert.equal(Number(before), document.passages.length);
      assert.deepEqual((await migrate(connection)).applied, Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 2));
      assert.equal(older.cluster.sql('select count(*) from briefing.passages;', older.name).trim(), before);
      const compression = older.cluster.sql("select attcompression from pg_attribute where attrelid = 'briefing.documents'::regclass and attname = 'raw';", older.name).trim();
      const lz4 = older.cluster.sql("select count(*) from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals);", older.name).trim() === '1';
      assert.equal(compression, lz4 ? 'l' : '', 'new text is stored with lz4 where the server has it');
      const typo = await new ArchiveReader(connection).search('prisonr exchange', { limit: 3 });
      assert.ok(typo.length > 0, 'the new vocabulary was filled from the passages already there');
    });
  });

  describe('ingest', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'briefing-archive-'));
      writeFileSync(path.join(folder, 'harbour.md'), '---\ntitle: Harbour talks\noutlet: Port Gazette\n---\n\nThe harbour authority reopened the grain terminal on Monday.\n\nShipping insurers said premiums would fall by 12 percent.\n');
      writeFileSync(path.join(folder, 'notes.txt'), 'Interview notes. The mayor said the ferry will run twice a day.\n');
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('pushes the bundled corpus with COPY, and pushing it again changes nothing', async () => {
      const connection = connect();
      const items = manifestItems(bundled().sources);
      const first = await pushDocuments(connection, items, { collection: 'wire' });
      assert.equal(first.added, items.length);
      assert.equal(first.passages, bundled().bundle.corpus.passageCount);
      const stamp = sql("select string_agg(id || '@' || xmin::text, ',' order by id) from briefing.documents;");
      const second = await pushDocuments(connection, items, { collection: 'wire' });
      assert.deepEqual({ added: second.added, replaced: second.replaced, unchanged: second.unchanged }, { added: 0, replaced: 0, unchanged: items.length });
      assert.equal(sql("select string_agg(id || '@' || xmin::text, ',' order by id) from briefing.documents;"), stamp, 'no row was rewritten');
    });

    it('replaces only a changed file, passages and all', async () => {
      const connection = connect();
      const push = () => pushDocuments(connection, folderItems(folder, 1 << 20, noSkips), { collection: 'desk' });
      assert.equal((await push()).added, 2);
      const notesBefore = sql("select xmin from briefing.documents where source_path = 'notes.txt';");
      writeFileSync(path.join(folder, 'harbour.md'), '---\ntitle: Harbour talks\noutlet: Port Gazette\n---\n\nThe harbour authority closed the grain terminal again.\n');
      const again = await push();
      assert.deepEqual({ added: again.added, replaced: again.replaced, unchanged: again.unchanged }, { added: 0, replaced: 1, unchanged: 1 });
      assert.equal(sql("select xmin from briefing.documents where source_path = 'notes.txt';"), notesBefore);
      const texts = sql("select string_agg(text, ' | ' order by ord) from briefing.passages where doc_id like 'desk:u-harbour-%';");
      assert.match(texts, /closed the grain terminal/);
      assert.doesNotMatch(texts, /reopened|premiums/, 'the old passages are gone');
    });

    it('leaves a document as it was when its push fails half way', async () => {
      const connection = connect();
      const before = sql("select string_agg(text, ' | ' order by ord) from briefing.passages where doc_id like 'desk:u-harbour-%';");
      // A failure inside the COPY of the new passages, after the old ones were deleted in the same transaction.
      sql(`create function briefing.fail_push() returns trigger language plpgsql as $$ begin
             if new.text like '%explodes%' then raise exception 'the push was interrupted'; end if; return new; end $$;
           create trigger fail_push before insert on briefing.passages for each row execute function briefing.fail_push();`);
      try {
        writeFileSync(path.join(folder, 'harbour.md'), 'The terminal explodes into activity.\n');
        await assert.rejects(pushDocuments(connection, folderItems(folder, 1 << 20, noSkips), { collection: 'desk' }), /interrupted/);
        assert.equal(sql("select string_agg(text, ' | ' order by ord) from briefing.passages where doc_id like 'desk:u-harbour-%';"), before);
      } finally {
        sql('drop trigger fail_push on briefing.passages; drop function briefing.fail_push();');
      }
    });

    it('writes in binary, through prepare workers, exactly the rows the COPY text format gives', async function () {
      const script = path.join(repoRoot, 'dist', 'archivePrepareWorker.js');
      if (!existsSync(script)) throw new Error('dist/archivePrepareWorker.js is missing: run `npm run build` first');
      const connection = connect();
      const sources = bundled().sources;
      // Small batches over two workers and two writers, so batches are prepared and written side by side.
      const report = await pushDocuments(connection, manifestItems(sources), { collection: 'twin', batchBytes: 20_000, preparers: 2, prepareScript: script, writers: 2 });
      assert.equal(report.added, sources.length);
      // The same documents as COPY text rows (what PostgreSQL parses itself), into tables of the same shape.
      const text = sources.map((source) => documentRows(intoCollection(parseDocument(source.raw, source.hints), 'twin'), source.raw, pushHashOf(source), source.hints.file));
      try {
        sql(`create table briefing.documents_text (like briefing.documents including defaults); create table briefing.passages_text (like briefing.passages including defaults);
copy briefing.documents_text (${DOCUMENT_COLUMNS.join(', ')}) from stdin;
${text.map((rows) => rows.document).join('')}\\.
copy briefing.passages_text (${PASSAGE_COLUMNS.join(', ')}) from stdin;
${text.map((rows) => rows.passages).join('')}\\.
`);
        const columns = (names: readonly string[]): string => names.join(', ');
        for (const [table, names] of [['documents', DOCUMENT_COLUMNS], ['passages', PASSAGE_COLUMNS]] as const) {
          const differing = sql(`select count(*) from ((select ${columns(names)} from briefing.${table} where collection = 'twin' except all select ${columns(names)} from briefing.${table}_text)
            union all (select ${columns(names)} from briefing.${table}_text except all select ${columns(names)} from briefing.${table} where collection = 'twin')) d;`);
          assert.equal(differing.trim(), '0', `${table}: binary and text rows differ`);
        }
        assert.equal(sql("select count(*) from briefing.passages where collection = 'twin';").trim(), String(bundled().bundle.corpus.passageCount));
      } finally {
        // The later tests search the other collections alone.
        sql("drop table if exists briefing.documents_text, briefing.passages_text; delete from briefing.documents where collection = 'twin'; delete from briefing.terms where collection = 'twin'; delete from briefing.collections where name = 'twin';");
      }
    });

    it('reads a folder as the local library does: web pages through the reader view, passages and spans alike', async () => {
      const clippings = path.join(repoRoot, 'test/fixtures/workspace/clippings');
      const report = await pushDocuments(connect(), folderItems(clippings, 1 << 20, noSkips), { collection: 'clips' });
      assert.equal(report.problems.filter((problem) => /skipped/.test(problem)).length, 0, report.problems.join('\n'));
      const reader = new ArchiveReader(connect());
      for (const name of ['harbour.html', 'grain-deal.md']) {
        const read = await readSourceFile(path.join(clippings, name), 1 << 20);
        assert.ok('file' in read);
        const local = await readUserSource({ ...read.file, path: name });
        assert.ok('document' in local);
        const archived = await reader.document(`clips:${local.document.meta.id}`);
        assert.deepEqual(archived?.passages.map((p) => [p.text, p.span]), local.document.passages.map((p) => [p.text, p.span]), name);
        assert.equal(archived?.meta.title, local.document.meta.title);
      }
    });

    it('removes a document and its passages', async () => {
      const connection = connect();
      const id = sql("select id from briefing.documents where source_path = 'notes.txt';").trim();
      assert.equal(await removeDocument(connection, id), true);
      assert.equal(sql(`select count(*) from briefing.passages where doc_id = '${id}';`).trim(), '0');
      assert.equal(await removeDocument(connection, id), false);
    });
  });

  describe('search', () => {
    let reader: ArchiveReader;
    before(() => {
      reader = new ArchiveReader(connect());
    });

    it('ranks passages with snippets, collection and origin, like local hits', async () => {
      const [hit] = await reader.search('prisoner exchange', { limit: 5 });
      assert.ok(hit, 'a hit');
      assert.equal(hit.meta.origin, 'archive');
      assert.equal(hit.meta.collection, 'wire');
      assert.ok(hit.passage.id.startsWith('wire:'));
      assert.ok(hit.passage.text.includes(hit.snippet.text), 'the snippet is the passage text, verbatim');
      assert.ok(hit.snippet.highlights.length > 0, 'matched words are marked');
      const local = bundled().bundle.corpus.passage(hit.passage.id.slice('wire:'.length));
      assert.deepEqual(local?.span, hit.passage.span, 'same spans as the local parse');
    });

    it('matches the word being typed as a prefix, forgives a typo, and applies aliases', async () => {
      const typed = await reader.search('prisoner exch', { limit: 3 });
      assert.ok(typed.length > 0 && typed.every((hit) => /exchang/i.test(hit.passage.text + hit.passage.heading)));
      const typo = await reader.search('negotiatons ', { limit: 3 });
      assert.ok(typo.length > 0 && typo.every((hit) => /negotiation/i.test(hit.passage.text + hit.passage.heading + hit.meta.title)), 'one edit forgiven');
      // The archive holds the bundled texts here: searched beside them, it reads queries with their alias table (data/).
      const alias = await reader.search('Kremlin spokesman', { limit: 3, aliases: bundledAliases() });
      assert.ok(alias.some((hit) => /Peskov/.test(hit.passage.text)), 'an alias reaches the name the sources use');
      assert.deepEqual(await reader.search('the of and', { limit: 3 }), []);
    });

    it('looks up typo neighbours only for words that match nothing as typed, as the local engine does', async () => {
      const neighbours = async (words: string[], typing: string[] = []): Promise<string[]> =>
        (await connect().query<{ word: string; near: string }>('select word, near from briefing.typo_neighbours($1, $2, $3, $4, 40)', [words, typing, [], []])).map((row) => `${row.word}>${row.near}`);
      assert.ok((await neighbours(['prisonr'])).includes('prisonr>prisoner'), 'an unknown word gets its neighbours');
      assert.deepEqual(await neighbours(['prisoner']), [], 'a word the sources use is taken as meant');
      assert.deepEqual(await neighbours(['prisone'], ['prisone']), [], 'a word being typed that starts a known word is not a typo');
    });

    it('reads passages and documents by id, and the raw text spans point into', async () => {
      const [hit] = await reader.search('Peskov', { limit: 1 });
      const found = await reader.passage(hit.passage.id);
      assert.deepEqual(found?.passage, hit.passage);
      const raw = await reader.rawText(hit.meta.id);
      assert.ok(raw?.slice(hit.passage.span.start, hit.passage.span.end).includes(hit.passage.text.slice(0, 20)));
      const document = await reader.document(hit.meta.id);
      assert.equal(document?.passages.length, bundled().bundle.corpus.document(hit.meta.id.slice(5))?.passages.length);
      assert.equal(await reader.passage('wire:nothing#here'), undefined);
    });

    it('gives the top passages of several queries as a small corpus, never the whole archive', async () => {
      const corpus = await reader.corpusFor(['ceasefire', 'prisoner exchange'], 4);
      assert.ok(corpus.passageCount > 0 && corpus.passageCount <= 8);
      assert.ok(corpus.passages.every((passage) => passage.id.startsWith('wire:')));
    });
  });

  describe('row-level security', () => {
    let alice: ArchiveReader;
    let bob: ArchiveReader;
    let bobsPassage: string;
    before(async () => {
      // wire (the bundled corpus) is granted to alice; a collection only bob may read:
      sql(`create role alice login; create role bob login; create role desk_readers;
           grant desk_readers to bob;
           insert into briefing.collection_readers values ('wire', 'alice'), ('desk', 'desk_readers');`);
      const folder = mkdtempSync(path.join(tmpdir(), 'briefing-rls-'));
      writeFileSync(path.join(folder, 'secret.md'), '# Source notes\n\nThe whistleblower met the zeppelinist at the quarry.\n');
      await pushDocuments(connect(), folderItems(folder, 1 << 20, noSkips), { collection: 'desk' });
      rmSync(folder, { recursive: true, force: true });
      bobsPassage = sql("select id from briefing.passages where text like '%whistleblower%';").trim();
      const urlAs = (user: string): string => url.replace('//postgres@', `//${user}@`);
      alice = new ArchiveReader(connect(urlAs('alice')));
      bob = new ArchiveReader(connect(urlAs('bob')));
    });

    it('lets each role search only the collections granted to it', async () => {
      assert.equal((await alice.search('whistleblower', { limit: 5 })).length, 0);
      assert.equal((await bob.search('whistleblower', { limit: 5 })).length, 1);
      assert.equal((await bob.search('prisoner exchange', { limit: 5 })).length, 0);
      assert.ok((await alice.search('prisoner exchange', { limit: 5 })).length > 0);
      assert.equal((await alice.search('whistleblowr ', { limit: 5 })).length, 0, 'no typo neighbour from an unreadable collection');
      assert.equal((await bob.search('whistleblowr ', { limit: 5 })).length, 1);
    });

    it('hides a passage id of another collection, in lookups and briefings alike', async () => {
      assert.equal(await alice.passage(bobsPassage), undefined);
      assert.equal(await alice.rawText(bobsPassage.split('#')[0]), undefined);
      assert.equal(await alice.document(bobsPassage.split('#')[0]), undefined);
      assert.ok(await bob.passage(bobsPassage));
      const briefingCorpus = await alice.corpusFor(['whistleblower', 'zeppelinist quarry'], 10);
      assert.equal(briefingCorpus.passageCount, 0);
      assert.deepEqual((await alice.collections()).map((c) => c.name), ['wire']);
    });

    it('is enforced by the database, not by Briefing: plain SQL as the role sees the same', async () => {
      const asAlice = connect(url.replace('//postgres@', '//alice@'));
      const rows = await asAlice.query<{ collection: string; n: number }>('select collection, count(*)::int as n from briefing.passages group by 1');
      assert.deepEqual(rows.map((row) => row.collection), ['wire']);
      const terms = await asAlice.query('select term from briefing.terms where term = $1', ['zeppelinist']);
      assert.equal(terms.length, 0);
      await assert.rejects(asAlice.query("insert into briefing.collection_readers values ('desk', 'alice')"), (error: ArchiveError) => error.kind === 'denied');
    });
  });

  describe('faults', () => {
    it('says the server is unreachable, quickly and clearly', async () => {
      const nowhere = connect('postgres://postgres@127.0.0.1:1/none');
      await assert.rejects(nowhere.query('select 1'), (error: ArchiveError) => error.kind === 'unreachable' && /refused/.test(error.message));
    });

    it('cancels a query that takes longer than the limit', async () => {
      const connection = new ArchiveConnection({ url, timeoutMs: 300 });
      open.push(connection);
      await assert.rejects(connection.query('select pg_sleep(5)'), (error: ArchiveError) => error.kind === 'timeout');
      assert.deepEqual(await connection.query('select 1 as one'), [{ one: 1 }], 'the next query works');
    });

    it('takes an answer that came while the thread was busy past the limit, instead of calling it a timeout', async () => {
      const connection = new ArchiveConnection({ url, timeoutMs: 1000 });
      open.push(connection);
      await connection.query('select 1');
      const answer = connection.query('select pg_sleep(0.3), 1 as one');
      // The thread is busy (as while a library is indexed) from before the answer comes until after the limit; busy in
      // the loop's last phase, so the next turn starts with the expired timer, before the socket is read.
      await new Promise<void>((resolve) =>
        setTimeout(
          () =>
            setImmediate(() => {
              const until = Date.now() + 2500;
              while (Date.now() < until);
              resolve();
            }),
          50,
        ),
      );
      assert.deepEqual((await answer).map((row) => row.one), [1]);
    });

    it('asks for a password when the server wants one, and never shows it', async () => {
      sql("create role ann login password 'open-sesame'; grant needs_password to ann;");
      const address = url.replace('//postgres@', '//ann@');
      await assert.rejects(connect(address).query('select 1'), (error: ArchiveError) => error.kind === 'password');
      await assert.rejects(connect(address, 'wrong').query('select 1'), (error: ArchiveError) => error.kind === 'password' && !/wrong/.test(error.message));
      assert.deepEqual(await connect(address, 'open-sesame').query('select 1 as one'), [{ one: 1 }]);
    });

    it('reconnects by itself once the server is back', async function () {
      const database = await freshDatabase();
      const connection = connect(database.url);
      assert.deepEqual(await connection.query('select 1 as one'), [{ one: 1 }]);
      database.cluster.pause();
      try {
        await assert.rejects(connection.query('select 1'), (error: ArchiveError) => error.kind === 'unreachable');
      } finally {
        database.cluster.resume();
      }
      assert.deepEqual(await connection.query('select 1 as one'), [{ one: 1 }]);
    });
  });
});
