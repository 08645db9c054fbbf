import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyEdits } from '../../src/core/cite/textEdit';
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

  it('answers searches while a citation style is being built, and cites once it is', async () => {
    const worker = client();
    await load(worker);
    const order: string[] = [];
    // The first citation in a style builds it (citeproc-js: about a second of CPU), on the citation thread.
    const citing = worker.api
      .planCitation({ draft: 'Claim.\n', at: { start: 6, end: 6 }, passageId: 'wtn-talks-stall#natos-response', syntax: 'markdown', style: 'chicago-note', locale: 'en-US' })
      .then((plan) => (order.push('citation'), plan));
    const copying = worker.api.citationText('wtn-talks-stall#natos-response', { style: 'apa', locale: 'en-US' }).then((text) => (order.push('copy'), text));
    const searches = ['prisoner exchange', 'ceasefire', 'grain'].map((query) => worker.api.search(query, 5, []).then((hits) => (order.push('search'), hits)));
    const [plan, copied, ...hits] = await Promise.all([citing, copying, ...searches]);
    assert.deepEqual(order.slice(0, 3), ['search', 'search', 'search'], `searches wait for no style: ${order.join(', ')}`);
    assert.ok(hits.every((found) => found.length > 0));
    assert.match(plan.edits.map((edit) => edit.text).join(''), /\[\^[^\]]+\]: .+/, 'a note is written');
    assert.match(copied, /\(\d{4}|n\.d\./, 'an APA reference');
    // Tidying (on the citation thread too) knows the note just written for Briefing's, from the sources it was sent:
    // referred to twice, it gets a note of its own at each place.
    const cited = applyEdits('Claim.\n', plan.edits);
    const twice = cited.replace(plan.marker, `${plan.marker} Again.${plan.marker}`);
    const tidied = await worker.api.tidy(twice, { style: 'chicago-note', locale: 'en-US' });
    assert.equal(tidied.summary.split, 1, `${twice}\n${JSON.stringify(tidied.summary)}`);
  });

  it('stops a worker that runs out of memory, says so, and starts a fresh one on the next call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-worker-'));
    made.push(dir);
    for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, `big-${i}.txt`), `Talks ${i} resumed in Istanbul, officials said.\n`.repeat(40_000));
    let stopped = '';
    const worker = client((reason) => (stopped = reason), { maxOldGenerationSizeMb: 64 });
    await assert.rejects(load(worker, [dir], false), /the index worker stopped: it ran out of memory \(its limit is 64 MB\)/);
    assert.match(stopped, /ran out of memory/);
    const small = mkdtempSync(path.join(tmpdir(), 'briefing-worker-'));
    made.push(small);
    writeFileSync(path.join(small, 'note.md'), '# Note\n\nGrain barges waited at the mouth of the Danube.\n');
    await load(worker, [small], false);
    assert.equal((await worker.api.search('grain barges', 5, [])).length, 1, 'the fresh worker works');
  });
});
