import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './bundledCorpus';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function briefing(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertCleanError(result: ReturnType<typeof briefing>, pattern: RegExp): void {
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, pattern);
  assert.equal(result.stderr.trim().split('\n').length, 1, `one line, no stack trace:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

describe('the briefing CLI', function () {
  this.timeout(30_000);
  before(function () {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  it('searches and prints source, section and snippet with matched words marked', () => {
    const result = briefing('search', 'prisoner exchange', '--limit', '2');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^1\. World Today News, “Ukraine peace Talks Stall/);
    assert.match(result.stdout, /\*\*prisoner\*\* \*\*exchanges\*\*/);
    assert.match(result.stdout, /wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts/);
    assert.doesNotMatch(result.stdout, /^3\./m);
  });

  it('prints JSON with the fields scripts rely on', () => {
    const result = briefing('search', 'Peskov', '--json');
    assert.equal(result.status, 0, result.stderr);
    const [first] = JSON.parse(result.stdout);
    for (const key of ['passageId', 'docId', 'title', 'heading', 'snippet', 'text', 'score']) assert.ok(key in first, key);
    assert.equal(first.passageId, 'istanbul-talks-blog#intro-2');
    assert.ok(first.text.includes(first.snippet));
  });

  it('cites a passage in each bundled style, a user’s .csl file, with a locator', function () {
    this.timeout(300_000); // each run builds its style's engine: seconds on a busy machine
    const apa = briefing('cite', 'latest-updates-lennon#conclusion', '--style', 'apa', '--locator', 'para. 4');
    assert.equal(apa.stdout, '(Lennon, n.d., para. 4)\n\nLennon, J. (n.d.). Russia-Ukraine Peace Talks: Latest Updates.\n', apa.stderr);
    const notes = briefing('cite', 'wtn-talks-stall#natos-response', '--style', 'chicago-note', '--format', 'markdown');
    assert.equal(
      notes.stdout,
      'Note: “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.\n' +
        'Later notes: *World Today News*, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”\n\n' +
        '*World Today News*. “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.” June 2025.\n',
    );
    assert.match(briefing('cite', 'wtn-talks-stall#natos-response', '--style', 'mla', '--locator', 'p. 3').stdout, /^\(“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds” 3\)\n/);
    assert.match(briefing('cite', 'wtn-talks-stall#natos-response', '--style', 'harvard').stdout, /^\(World Today News, 2025\)\n/);
    assert.match(briefing('cite', 'wtn-talks-stall#natos-response', '--style', path.join(repoRoot, 'test/fixtures/csl/briefing-test.csl')).stdout, /^\[Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds <2025>\]\n/);
  });

  it('exports every source as CSL JSON, BibTeX and RIS', () => {
    const json = JSON.parse(briefing('export', '--format', 'csl-json').stdout) as Array<{ id: string }>;
    assert.deepEqual(json.map((item) => item.id).sort(), ['lennonrussia', 'russiaukrainemeet', 'russiaukrainepeace', 'usrussianegotiations', 'worldtodaynews2025ukraine']);
    assert.equal(briefing('export', '--format', 'bibtex').stdout.match(/^@\w+\{/gm)?.length, 5);
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-cli-'));
    const out = path.join(dir, 'sources.ris');
    assert.equal(briefing('export', '--format', 'ris', '--out', out).status, 0);
    assert.equal(readFileSync(out, 'utf8').match(/^ER {2}- /gm)?.length, 5);
  });

  it('shows a passage with its location, and lists the documents', () => {
    const shown = briefing('show', 'latest-updates-lennon#conclusion');
    assert.equal(shown.status, 0);
    assert.match(shown.stdout, /by Jhon Lennon/);
    assert.match(shown.stdout, /004_bbca088b89569488\.txt, characters \d+–\d+/);
    const docs = JSON.parse(briefing('docs', '--json').stdout);
    assert.deepEqual(docs.map((doc: { id: string }) => doc.id), ['peace-talks-qa', 'istanbul-talks-blog', 'wtn-talks-stall', 'us-russia-explainer', 'latest-updates-lennon']);
    assert.equal(docs.find((doc: { id: string }) => doc.id === 'wtn-talks-stall').outlet, 'World Today News');
  });

  it('briefs on a topic as Markdown, every footnote defined, and as JSON', () => {
    const markdown = briefing('brief', 'ceasefire');
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# Briefing: Ceasefire\n/);
    for (const heading of ['## Sources', '## Key passages', '## Who said what', '## Timeline']) assert.ok(markdown.stdout.includes(heading), heading);
    const used = new Set([...markdown.stdout.matchAll(/\[\^(\d+)\](?!:)/g)].map((match) => match[1]));
    const defined = new Set([...markdown.stdout.matchAll(/^\[\^(\d+)\]:/gm)].map((match) => match[1]));
    assert.ok(used.size > 0 && [...used].every((label) => defined.has(label)), 'every footnote marker has a definition');
    const json = JSON.parse(briefing('brief', '--json').stdout);
    const gdp = json.facts.find((fact: { asWritten: string[] }) => fact.asWritten.includes('6.3%'));
    assert.ok(gdp && gdp.citations.length === 3, '6.3% of GDP, cited three times');
  });

  it('builds an index of another corpus folder and searches it with --corpus', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-cli-'));
    cpSync(path.join(repoRoot, 'data'), dir, { recursive: true });
    const out = path.join(dir, 'index.json');
    const indexed = briefing('index', dir, '--out', out);
    assert.equal(indexed.status, 0, indexed.stderr);
    assert.match(indexed.stdout, /Indexed \d+ passages from 5 documents/);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).format > 0, true);
    const found = briefing('search', 'Umerov', '--corpus', dir, '--json');
    assert.equal(JSON.parse(found.stdout)[0].docId, 'peace-talks-qa');
  });

  describe('check', function () {
    // Each test starts the CLI a few times; on a busy machine that takes a while.
    this.timeout(120_000);
    const news = path.join(repoRoot, 'test', 'fixtures', 'news');
    const corpus = path.join(news, 'dev', 'impeachment');
    const draft = path.join(news, 'drafts', 'dev', 'impeachment.md');

    it('prints file:line:col severity message for each finding, and exits 1 when one is a warning', () => {
      const result = briefing('check', draft, '--corpus', corpus);
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.trim().split('\n');
      for (const line of lines) assert.match(line, /^.+impeachment\.md:\d+:\d+ (?:error|warning|information|hint) \S/, line);
      const text = readFileSync(draft, 'utf8').split('\n');
      const at = (line: string): string => {
        const [, row, column] = /:(\d+):(\d+) /.exec(line)!;
        return text[Number(row) - 1].slice(Number(column) - 1);
      };
      const changed = lines.find((line) => line.includes('“232”'));
      assert.ok(changed?.includes(' warning ') && at(changed).startsWith('232'), changed);
      assert.ok(lines.some((line) => line.includes(' warning ') && /attribute .*I put no pressure.* to Donald Trump/.test(line)));
      assert.ok(lines.some((line) => line.includes(' information ') && line.includes('Not in your sources')));
      assert.ok(!lines.some((line) => line.includes('Witch Hunt')), 'a verbatim quote is no line');
    });

    it('prints the findings as JSON with the fields scripts rely on, the correct ones too', () => {
      const result = briefing('check', draft, '--corpus', corpus, '--json');
      assert.equal(result.status, 1);
      const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
      const source = readFileSync(draft, 'utf8');
      for (const finding of findings) {
        for (const key of ['kind', 'status', 'severity', 'text', 'span', 'line', 'column', 'message', 'sources']) assert.ok(key in finding, key);
        const span = finding.span as { start: number; end: number };
        assert.equal(source.slice(span.start, span.end), finding.text);
        assert.ok(['figure', 'quote', 'date'].includes(finding.kind as string));
        for (const ref of finding.sources as Record<string, unknown>[]) for (const key of ['passageId', 'quote', 'title', 'outlet']) assert.ok(key in ref, key);
      }
      const year = findings.find((finding) => finding.text === '1999');
      assert.deepEqual([year?.kind, year?.status, year?.severity], ['date', 'contradicted', 'warning']);
      assert.equal((year?.sources as { outlet: string }[])[0].outlet, 'Wikinews');
      assert.ok(findings.some((finding) => finding.status === 'supported'));
      assert.ok(findings.some((finding) => finding.status === 'verbatim'));
    });

    it('exits 0 when nothing is wrong, and lets a newsroom make an invented quote an error or leave it out', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefing-check-'));
      const clean = path.join(dir, 'clean.md');
      writeFileSync(clean, 'Trump dismissed the inquiry as "Witch Hunt garbage." Around US$400 million in military aid was held up.\n');
      const ok = briefing('check', clean, '--corpus', corpus);
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      const invented = path.join(dir, 'invented.md');
      writeFileSync(invented, '"We will win this fight," Adam Schiff said.\n');
      assert.equal(briefing('check', invented, '--corpus', corpus).status, 0, 'information only');
      const strict = briefing('check', invented, '--corpus', corpus, '--unsourced', 'error');
      assert.equal(strict.status, 1);
      assert.match(strict.stdout, /invented\.md:1:1 error Not in your sources/);
      assert.equal(briefing('check', invented, '--corpus', corpus, '--unsourced', 'off').stdout, '');
    });

    it('checks against the bundled sources when no folder is given', () => {
      const result = briefing('check', path.join(repoRoot, 'test', 'fixtures', 'drafts', 'economy.md'), '--json');
      assert.equal(result.status, 1);
      assert.ok((JSON.parse(result.stdout) as { text: string; status: string }[]).some((finding) => finding.text === '7.1%' && finding.status === 'contradicted'));
    });

    it('exits 2 on a usage error, with one line on stderr', () => {
      for (const args of [['check'], ['check', 'a.md', 'b.md'], ['check', '/nonexistent/draft.md'], ['check', draft, '--unsourced', 'loud'], ['check', draft, '--colour'], ['check', news]]) {
        const result = briefing(...args);
        assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.doesNotMatch(result.stderr, /\n\s+at /);
      }
    });
  });

  describe('errors', () => {
    it('rejects an empty query', () => assertCleanError(briefing('search', '  '), /search needs a query/));
    it('rejects an unknown passage id', () => assertCleanError(briefing('cite', 'no-such#passage'), /no passage with id "no-such#passage"/));
    it('rejects an unknown flag', () => assertCleanError(briefing('search', 'x', '--colour'), /Unknown option '--colour'/));
    it('rejects an unknown style', () => assertCleanError(briefing('cite', 'wtn-talks-stall#natos-response', '--style', 'vancouver'), /unknown style "vancouver"/));
    it('reports a style file that cannot be read or is not CSL', () => {
      assertCleanError(briefing('cite', 'wtn-talks-stall#natos-response', '--style', '/nonexistent/mine.csl'), /Cannot read the citation style \/nonexistent\/mine\.csl \(ENOENT\)/);
      const dir = mkdtempSync(path.join(tmpdir(), 'briefing-cli-'));
      writeFileSync(path.join(dir, 'bad.csl'), '<html>not a style</html>');
      assertCleanError(briefing('cite', 'wtn-talks-stall#natos-response', '--style', path.join(dir, 'bad.csl')), /is not a CSL style Briefing can use/);
    });
    it('rejects an unknown export format', () => assertCleanError(briefing('export', '--format', 'endnote'), /unknown export format "endnote"/));
    it('rejects an unknown command', () => assertCleanError(briefing('serch', 'x'), /unknown command "serch"/));
    it('rejects a bad limit', () => assertCleanError(briefing('search', 'x', '--limit', 'ten'), /--limit must be a whole number/));
    it('reports an unreadable corpus folder', () => assertCleanError(briefing('search', 'x', '--corpus', '/nonexistent/folder'), /cannot read \/nonexistent\/folder \(ENOENT\)/));

    it('fails, saying why, when the index cannot be written', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefing-cli-'));
      writeFileSync(path.join(dir, 'note.md'), '# A note\n\nTalks resumed in Istanbul.\n');
      const out = path.join(dir, 'already-a-folder');
      mkdirSync(out);
      assertCleanError(briefing('index', dir, '--out', out), /Could not save the index/);
    });

    it('reports a corrupt manifest', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefing-cli-'));
      writeFileSync(path.join(dir, 'sources.json'), '{"sources": [ {"id": "x"');
      assertCleanError(briefing('search', 'x', '--corpus', dir), /sources\.json is not valid JSON/);
    });
  });
});
