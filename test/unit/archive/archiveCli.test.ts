import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../bundledCorpus';
import { freshDatabase, requirePostgres } from './cluster';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function briefing(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the briefing CLI with an archive', function () {
  this.timeout(60_000);
  let url: string;
  let folder: string;
  let sqlCount: (statement: string) => number;
  const run = (...args: string[]) => briefing({}, ...args, '--db', url);

  before(async function () {
    requirePostgres(this);
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    const database = await freshDatabase();
    url = database.url;
    sqlCount = (statement) => Number(database.cluster.sql(statement, database.name).trim());
    folder = mkdtempSync(path.join(tmpdir(), 'briefing-cli-archive-'));
    writeFileSync(path.join(folder, 'ferry.md'), '---\ntitle: Ferry timetable\noutlet: Island Post\n---\n\nThe ferry will run twice a day from March, the harbour master said.\n');
  });
  after(() => folder && rmSync(folder, { recursive: true, force: true }));

  it('creates the schema, pushes the bundled corpus and a folder, and pushes nothing twice', () => {
    const init = run('archive', 'init');
    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /Schema version 0 → \d/);
    assert.match(run('archive', 'init').stdout, /up to date/);
    const bundled = run('archive', 'push', '--bundled', '--collection', 'wire', '--quiet');
    assert.equal(bundled.status, 0, bundled.stderr);
    assert.match(bundled.stdout, /documents into "wire": \d+ added, 0 replaced, 0 unchanged/);
    const again = briefing({ BRIEFING_DB: url }, 'archive', 'push', '--bundled', '--collection', 'wire', '--json');
    assert.equal(again.status, 0, again.stderr);
    const summary = JSON.parse(again.stdout);
    assert.equal(summary.added + summary.replaced, 0);
    assert.ok(summary.unchanged > 0);
    const desk = run('archive', 'push', folder, '--collection', 'desk', '--quiet');
    assert.equal(desk.status, 0, desk.stderr);
    assert.match(desk.stdout, /1 added/);
  });

  it('searches the archive alone, with origin and collection in JSON', () => {
    const result = run('search', 'prisoner exchange', '--json', '--limit', '3');
    assert.equal(result.status, 0, result.stderr);
    const hits = JSON.parse(result.stdout);
    assert.equal(hits.length, 3);
    for (const hit of hits) {
      assert.equal(hit.origin, 'archive');
      assert.equal(hit.collection, 'wire');
      assert.ok(hit.passageId.startsWith('wire:'));
      assert.ok(hit.text.includes(hit.snippet));
    }
    const ferry = briefing({ BRIEFING_DB: url }, 'search', 'ferry timetable');
    assert.equal(ferry.status, 0, ferry.stderr);
    assert.match(ferry.stdout, /Island Post, “Ferry timetable”/);
    assert.match(ferry.stdout, /\*\*ferry\*\*/);
  });

  it('cites, shows and briefs from the archive', () => {
    const [hit] = JSON.parse(run('search', 'Peskov', '--json').stdout);
    const cite = run('cite', hit.passageId);
    assert.equal(cite.status, 0, cite.stderr);
    assert.ok(cite.stdout.toLowerCase().includes(hit.title.slice(0, 20).toLowerCase()), `${hit.title}\n${cite.stdout}`);
    assert.match(run('show', hit.passageId).stdout, /collection wire/);
    const brief = run('brief', 'prisoner exchanges');
    assert.equal(brief.status, 0, brief.stderr);
    assert.match(brief.stdout, /\[\^1\]:/);
  });

  it('removes a document, grants and revokes, and reports status', () => {
    const [hit] = JSON.parse(run('search', 'ferry', '--json').stdout);
    assert.match(run('archive', 'grant', 'desk', 'reporters').stdout, /may read the collection desk/);
    assert.match(run('archive', 'status').stdout, /desk: 1 documents/);
    assert.equal(run('archive', 'rm', hit.docId).status, 0);
    assert.equal(JSON.parse(run('search', 'ferry', '--json').stdout).length, 0);
    assert.match(run('archive', 'revoke', 'desk', 'reporters').stdout, /no longer/);
  });

  it('removes the documents whose files are gone, keeps those it could not read, and keeps all with --keep-missing', () => {
    const desk = mkdtempSync(path.join(tmpdir(), 'briefing-cli-prune-'));
    try {
      const note = (name: string, text: string): void => writeFileSync(path.join(desk, name), `# ${name}\n\n${text}\n`);
      note('budget.md', 'The council approved the harbour budget.');
      note('ferry.md', 'The ferry will run twice a day.');
      note('tolls.md', 'Bridge tolls rise in May.');
      note('archive-notes.md', 'Notes kept for the record.');
      const push = (...extra: string[]) => JSON.parse(run('archive', 'push', desk, '--collection', 'prune', '--json', ...extra).stdout);
      assert.equal(push().added, 4);
      rmSync(path.join(desk, 'budget.md'));
      const kept = push('--keep-missing');
      assert.equal(kept.removed, 0, 'with --keep-missing nothing is removed');
      // A file that is there but over the size limit this time is skipped, not taken for deleted.
      note('tolls.md', `Bridge tolls rise in May. ${'The toll booth queue grew. '.repeat(200)}`);
      const pruned = push('--max-kb', '1');
      assert.equal(pruned.removed, 1, JSON.stringify(pruned));
      assert.equal(sqlCount("select count(*) from briefing.documents where collection = 'prune' and source_path = 'budget.md'"), 0);
      assert.equal(sqlCount("select count(*) from briefing.passages where collection = 'prune' and doc_id like 'prune:u-budget%'"), 0, 'its passages went with it');
      assert.equal(sqlCount("select count(*) from briefing.documents where collection = 'prune'"), 3, 'the skipped file and the others stay');
      // An emptied folder does not empty the collection.
      for (const name of ['ferry.md', 'tolls.md', 'archive-notes.md']) rmSync(path.join(desk, name));
      const empty = run('archive', 'push', desk, '--collection', 'prune', '--json');
      assert.equal(JSON.parse(empty.stdout).removed, 0);
      assert.match(empty.stderr, /no sources, so nothing was removed/);
      assert.equal(sqlCount("select count(*) from briefing.documents where collection = 'prune'"), 3);
    } finally {
      rmSync(desk, { recursive: true, force: true });
    }
  });

  it('says clearly what is wrong, in one line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['archive', 'rm', 'wire:nothing', '--db', url], /has no document "wire:nothing"/],
      [['archive', 'push', '--bundled', '--collection', 'Bad Name', '--db', url], /collection names are/],
      [['archive', 'init'], /need --db/],
      [['archive', 'init', '--db', 'mysql://x'], /postgres:\/\/ URL/],
      [['search', 'x', '--db', 'postgres://nobody:secret@127.0.0.1:1/none'], /refused the connection/],
      [['cite', 'wire:nothing#here', '--db', url], /no passage "wire:nothing#here"/],
    ];
    for (const [args, pattern] of cases) {
      const result = briefing({ BRIEFING_DB: '' }, ...args);
      assert.notEqual(result.status, 0, args.join(' '));
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /secret/);
    }
  });

  it('stops a push at Ctrl+C after the documents being written, and a second push finishes it', async () => {
    const big = mkdtempSync(path.join(tmpdir(), 'briefing-cli-big-'));
    try {
      // 40 MB: five batches, more than the push prepares and writes at once, so Ctrl+C comes before the last.
      for (let i = 0; i < 2000; i++) writeFileSync(path.join(big, `note-${i}.md`), `# Note ${i}\n\n${'The council debated the harbour budget at length. '.repeat(400)}\n`);
      const child = spawn(process.execPath, [cli, 'archive', 'push', big, '--collection', 'big', '--db', url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (/documents read/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^Stopped: /);
      const finish = run('archive', 'push', big, '--collection', 'big', '--json');
      const summary = JSON.parse(finish.stdout);
      assert.ok(summary.added > 0 && summary.unchanged > 0, finish.stdout);
      assert.equal(summary.added + summary.unchanged, 2000);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });
});
