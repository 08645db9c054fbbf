import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ArchiveConnection } from '../../../src/node/archive/archiveConnection';
import { pushDocuments } from '../../../src/node/archive/archivePush';
import { migrate } from '../../../src/node/archive/archiveSchema';
import { ArchiveService, type ArchiveStatus } from '../../../src/node/archive/archiveService';
import { manifestItems } from '../../../src/node/archive/pushSources';
import { createLibraryService } from '../../../src/worker/libraryService';
import { bundled, repoRoot } from '../bundledCorpus';
import { freshDatabase, requirePostgres } from './cluster';

/** The worker's library service with a small local library and the bundled corpus in the archive only. */
describe('the library service with an archive', function () {
  this.timeout(60_000);
  let url: string;
  let folder: string;
  const statuses: ArchiveStatus[] = [];
  const service = createLibraryService(
    () => {},
    (status) => statuses.push(status),
  );

  before(async function () {
    requirePostgres(this);
    url = (await freshDatabase()).url;
    const connection = new ArchiveConnection({ url });
    await migrate(connection);
    await pushDocuments(connection, manifestItems(bundled().sources), { collection: 'wire' });
    await connection.close();
    folder = mkdtempSync(path.join(tmpdir(), 'briefing-service-'));
    writeFileSync(path.join(folder, 'notes.md'), '# Notes\n\nThe grain corridor reopened after the talks in Istanbul.\n');
    await service.load({ extensionPath: repoRoot, roots: [folder], includeBundled: false, maxFileBytes: 1 << 20 });
  });
  after(async () => {
    await service.configureArchive(null);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('connects, and reports the collections and passages it may read', async () => {
    const status = await service.configureArchive({ url });
    assert.equal(status.state, 'connected');
    assert.ok(status.state === 'connected' && status.collections.includes('wire') && status.passages === bundled().bundle.corpus.passageCount);
    assert.deepEqual(statuses.map((s) => s.state).slice(-2), ['connecting', 'connected']);
  });

  it('searches the archive beside the local library, and cites, shows and opens its passages by id', async () => {
    assert.equal((await service.search('prisoner exchange', 5, [])).length, 0, 'the local library does not have it');
    const answer = await service.archiveSearch('prisoner exchange', 5, []);
    assert.ok('value' in answer && answer.value.length > 0);
    if (!('value' in answer)) return;
    const [hit] = answer.value;
    assert.equal(hit.meta.origin, 'archive');
    const citable = await service.citable(hit.passage.id);
    assert.deepEqual(citable?.passage, hit.passage);
    const raw = await service.rawText(hit.meta.id);
    assert.ok(raw && raw.length > hit.passage.span.end);
    assert.equal((await service.document(hit.meta.id))?.meta.collection, 'wire');
    assert.equal(await service.citable('wire:no-such#passage'), null);
  });

  it('draws a topic page from the archive, through the same briefing code', async () => {
    const topic = await service.topic('prisoner exchanges');
    const archiveCards = topic.cards.filter((card) => card.collection === 'wire');
    assert.ok(archiveCards.length > 0, 'archive passages on the page, labelled by collection');
    assert.ok(topic.facts.length > 0, 'figures read from the archive passages');
  });

  it('checks a draft against the archive: a quote only the archive has is verbatim', async () => {
    const draft = 'Kremlin spokesperson Dmitry Peskov called the negotiations "very difficult" this week.\n';
    const findings = await service.checkDraft(draft);
    const quote = findings.find((finding) => finding.kind === 'quote');
    assert.equal(quote?.status, 'verbatim', JSON.stringify(findings));
    assert.ok(quote?.sources.every((source) => source.meta.origin === 'archive'));
  });

  it('counts the sources of the archive in the support for a sentence at the cursor', async () => {
    const draft = 'Both sides have completed several prisoner exchanges, freeing over 1,000 captured soldiers each.\n';
    const [report] = await service.claims(draft, 10);
    assert.ok(report && report.documents > 0, JSON.stringify(report));
    assert.equal(report.best?.meta.origin, 'archive');
  });

  it('fails one bad query without calling the archive unreachable', async () => {
    const archive = new ArchiveService();
    try {
      assert.equal((await archive.configure({ url })).state, 'connected');
      const answer = await archive.use((reader) => reader.search('x', { limit: 1 }).then(() => Promise.reject(new Error('syntax error in tsquery'))));
      assert.ok('unavailable' in answer && /syntax error/.test(answer.unavailable));
      assert.equal(archive.status.state, 'connected');
    } finally {
      await archive.close();
    }
  });

  it('answers a search asked while it is still connecting once it has connected, not with "connecting"', async () => {
    let connecting: () => void = () => {};
    const started = new Promise<void>((resolve) => (connecting = resolve));
    const archive = new ArchiveService((status) => status.state === 'connecting' && connecting());
    try {
      const configured = archive.configure({ url });
      await started;
      const answer = await archive.search('prisoner exchange', 5, []);
      assert.ok('value' in answer && answer.value.length > 0, JSON.stringify(answer));
      assert.equal((await configured).state, 'connected');
    } finally {
      await archive.close();
    }
  });

  it('keeps its connection when told the same archive again, so a search under way is not cut off', async () => {
    const archive = new ArchiveService();
    try {
      assert.equal((await archive.configure({ url })).state, 'connected');
      const searching = archive.search('prisoner exchange', 5, []);
      assert.equal((await archive.configure({ url })).state, 'connected');
      const answer = await searching;
      assert.ok('value' in answer && answer.value.length > 0, JSON.stringify(answer));
    } finally {
      await archive.close();
    }
  });

  it('answers at once that the archive is unavailable while it is down, and says why', async () => {
    const status = await service.configureArchive({ url: 'postgres://postgres@127.0.0.1:1/nothing' });
    assert.equal(status.state, 'unreachable');
    assert.ok(status.state === 'unreachable' && /refused/.test(status.reason) && status.retryInMs !== undefined);
    const answer = await service.archiveSearch('prisoner exchange', 5, []);
    assert.ok('unavailable' in answer && /refused/.test(answer.unavailable));
    assert.equal((await service.topic('prisoner exchanges')).cards.filter((card) => card.collection).length, 0, 'the local page still comes');
    const password = await service.configureArchive({ url: 'postgres://ann:secret@127.0.0.1:1/x' });
    assert.ok(!JSON.stringify(password).includes('secret'), 'a password in a URL never shows in a status');
  });
});
