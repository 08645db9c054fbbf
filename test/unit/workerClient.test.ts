import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WorkerClient } from '../../src/services/workerClient';
import { repoRoot } from './bundledCorpus';

/**
 * The index worker stays responsive (issue #17), tested on the real worker
 * thread (dist/indexWorker.js): a newer check of a document replaces the one
 * still queued, searches never wait behind queued analyses, and a worker
 * that runs out of memory stops with a clear reason and is replaced.
 */
const workerPath = path.join(repoRoot, 'dist', 'indexWorker.js');

describe('the index worker client', function () {
  this.timeout(60_000);
  const clients: WorkerClient[] = [];
  const made: string[] = [];
  after(() => {
    clients.forEach((client) => client.dispose());
    made.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  const client = (onExit: (reason: string) => void = () => {}, limits?: { maxOldGenerationSizeMb: number }): WorkerClient => {
    const made = new WorkerClient(workerPath, () => {}, onExit, limits ? { limits } : {});
    clients.push(made);
    return made;
  };
  const load = (worker: WorkerClient, roots: string[] = [], includeBundled = true): Promise<unknown> =>
    worker.api.load({ extensionPath: repoRoot, roots, includeBundled, maxFileBytes: 8 * 1024 * 1024 });

  it('replaces a queued check of a document with the newer one, and answers both callers with it', async () => {
    const worker = client();
    await load(worker);
    const running = worker.callKeyed('draft.md', 'checkDraft', 'Russia spent 6.3% of GDP on defence. '.repeat(200));
    const older = worker.callKeyed('draft.md', 'checkDraft', 'Russia spent 9.9% of GDP on defence.');
    const newer = worker.callKeyed('draft.md', 'checkDraft', 'Russia spent 6.3% of GDP on defence.');
    const other = worker.callKeyed('other.md', 'checkDraft', 'Russia spent 9.9% of GDP on defence.');
    const [first, replaced, latest, elsewhere] = await Promise.all([running, older, newer, other]);
    assert.equal(first.length, 200);
    assert.deepEqual(replaced, latest, 'the replaced call gets the newer answer');
    assert.equal(latest[0].status, 'supported');
    assert.equal(elsewhere[0].status, 'contradicted', 'another document’s check is its own');
  });

  it('answers a search before the analyses queued ahead of it', async () => {
    const worker = client();
    await load(worker);
    const order: string[] = [];
    const track = <T>(name: string, call: Promise<T>): Promise<T> => call.then((value) => (order.push(name), value));
    const analyses = [
      track('home', worker.api.home()),
      track('briefing', worker.api.briefingMarkdown()),
      track('check', worker.api.checkDraft('Talks resumed in Istanbul. '.repeat(500))),
      track('topic', worker.api.topic('ceasefire')),
    ];
    const search = track('search', worker.api.search('prisoner exchange', 5, []));
    await Promise.all([...analyses, search]);
    assert.ok(order.indexOf('search') <= 1, `the search waits at most for the analysis already running: ${order.join(', ')}`);
  });

  it('stops a worker that runs out of memory, says so, and starts a fresh one on the next call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-worker-'));
    made.push(dir);
    for (let i = 0; i < 8; i++) writeFileSync(path.join(dir, `big-${i}.txt`), `Talks ${i} resumed in Istanbul, officials said.\n`.repeat(40_000));
    let stopped = '';
    const worker = client((reason) => (stopped = reason), { maxOldGenerationSizeMb: 32 });
    await assert.rejects(load(worker, [dir], false), /the index worker stopped: it ran out of memory \(its limit is 32 MB\)/);
    assert.match(stopped, /ran out of memory/);
    const small = mkdtempSync(path.join(tmpdir(), 'briefing-worker-'));
    made.push(small);
    writeFileSync(path.join(small, 'note.md'), '# Note\n\nGrain barges waited at the mouth of the Danube.\n');
    await load(worker, [small], false);
    assert.equal((await worker.api.search('grain barges', 5, [])).length, 1, 'the fresh worker works');
  });
});
