import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './bundledCorpus';

/**
 * The `briefing` CLI on hostile input (issue #17): sources that carry
 * terminal escape codes, a FIFO or a device where a file or folder is
 * expected, a reader that goes away (`| head -1`), UTF-16 files.
 */
const cli = path.join(repoRoot, 'dist', 'cli.js');
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-cli-'));
  made.push(dir);
  return dir;
}
function briefing(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
// ESC, BEL, the C1 CSI, and the other controls a terminal acts on (line feed and tab aside).
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('the briefing CLI on hostile input', function () {
  this.timeout(60_000);
  before(function () {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A folder with one source whose title and text carry escape sequences: clear screen, set title, write the clipboard. */
  function escapingCorpus(): string {
    const dir = tempDir();
    const evil = 'Clear\u001b[2J title\u001b]0;pwned\u0007 clipboard\u001b]52;c;aGk=\u0007 bell\u0007 csi\u009b31m';
    writeFileSync(path.join(dir, 'evil.md'), `---\ntitle: "${evil.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\u009b/g, '\\x9b')}"\n---\n\nPrisoner talks resumed ${evil} in Istanbul.\n`);
    return dir;
  }

  it('strips escape sequences and control characters from plain output, keeps JSON exact', () => {
    const dir = escapingCorpus();
    for (const args of [['search', 'prisoner talks'], ['docs'], ['brief']]) {
      const result = briefing(...args, '--corpus', dir);
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stdout, TERMINAL_CONTROL, `${args[0]} prints no control characters`);
      assert.match(result.stdout, /Istanbul|Prisoner|Clear/);
    }
    const json = briefing('search', 'prisoner talks', '--json', '--corpus', dir);
    assert.doesNotMatch(json.stdout, TERMINAL_CONTROL, 'JSON escapes them');
    const [hit] = JSON.parse(json.stdout);
    assert.ok(hit.text.includes('\u001b]52;c;aGk=\u0007'), 'and the text it carries is exact');
  });

  it('ends quietly when the reader goes away (docs | head -1)', async () => {
    const child = spawn(process.execPath, [cli, 'brief'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '', 'no EPIPE stack trace');
    assert.equal(code, 0);
  });

  it('refuses a FIFO or a device as --corpus with exit 2', () => {
    const dir = tempDir();
    const pipe = path.join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    for (const corpus of [pipe, '/dev/zero']) {
      const result = briefing('search', 'x', '--corpus', corpus);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /is a (FIFO|character device)/);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });

  it('refuses a FIFO as --out instead of hanging on it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), '# A\n\nTalks resumed.\n');
    const out = path.join(tempDir(), 'out.fifo');
    execFileSync('mkfifo', [out]);
    const result = briefing('index', dir, '--out', out);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /FIFO.*not a regular file/);
  });

  it('decodes UTF-16 with a byte order mark, and says why it skips what it skips', () => {
    const dir = tempDir();
    const text = '# Grain\n\nThe grain corridor reopened in Odesa.\n';
    writeFileSync(path.join(dir, 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text.replace('Odesa', 'Mykolaiv'), 'utf16le').swap16();
    writeFileSync(path.join(dir, 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const result = briefing('search', 'grain corridor', '--json', '--corpus', dir);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).map((hit: { docId: string }) => hit.docId.replace(/-[0-9a-f]+$/, '')).sort(), ['u-be', 'u-le']);
    assert.match(result.stderr, /skipped .*pipe\.md: is a FIFO/);
  });
});
