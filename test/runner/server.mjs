// Starts the VS Code server (code-server's lib/vscode) for one run: a fresh
// server data dir with test settings, a free 127.0.0.1 port, and a process group
// that is always killed, whatever way this process ends.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE } from './install.mjs';

/** @typedef {'light' | 'dark'} Theme */

/**
 * @typedef {object} Server
 * @property {number} port
 * @property {string} runDir      Fresh per run: server data, tmp, workspace copies.
 * @property {(path: string) => string} remoteUri  vscode-remote:// URI of a local path.
 * @property {(options: UrlOptions) => string} url  Workbench URL with a smoke-driver payload.
 * @property {() => string} output  Tail of the server's stdout/stderr, for error messages.
 * @property {() => void} stop  Kills the server's process group (idempotent, synchronous).
 */

/**
 * @typedef {object} UrlOptions
 * @property {string} [folder]                   Folder to open (else an empty window).
 * @property {string} [extensionDevelopmentPath] Extension to load in development mode.
 * @property {string} [extensionTestsPath]       Mocha entry to run in the extension host; the window exits after.
 * @property {string} [openFile]                 File to open once the workbench is up.
 * @property {Record<string, string>} [extensionEnvironment] Arrives in the extension host's process.env.
 */

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
const READY = /Extension host agent listening on (\d+)/;

/** Process groups still running; killed synchronously when this process exits for any reason. */
const live = new Set();
process.on('exit', () => {
  for (const pid of live) kill(pid);
});

/** @param {number} pid */
function kill(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  live.delete(pid);
}

/** Asks the OS for a free port. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Copies a folder into the run dir so tests can edit it freely.
 * @param {Server} server @param {string} source @returns {string}
 */
export function copyWorkspace(server, source) {
  const target = join(server.runDir, 'workspace');
  cpSync(source, target, { recursive: true });
  return target;
}

/**
 * @param {import('./install.mjs').Installation} installation
 * @param {{ theme?: Theme, readyTimeoutMs?: number, keepRunDir?: boolean }} [options]
 * @returns {Promise<Server>}
 */
export async function startServer(installation, options = {}) {
  const theme = options.theme ?? 'light';
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  mkdirSync(join(CACHE, 'runs'), { recursive: true });
  const runDir = mkdtempSync(join(CACHE, 'runs', `${theme}-`));
  const dataDir = join(runDir, 'server-data');
  const userDir = join(dataDir, 'data/User');
  mkdirSync(userDir, { recursive: true });
  mkdirSync(join(dataDir, 'tmp'), { recursive: true });
  writeFileSync(
    join(userDir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.colorTheme': THEMES[theme],
        // Else an empty chat pane takes a third of the window.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'workbench.startupEditor': 'none',
      },
      null,
      2,
    ),
  );

  const port = await freePort();
  const child = spawn(
    installation.node,
    [
      installation.serverMain,
      ...['--host', '127.0.0.1', '--port', String(port)],
      '--without-connection-token',
      ...['--server-data-dir', dataDir, '--extensions-dir', join(dataDir, 'extensions')],
      '--disable-telemetry',
      '--disable-experiments',
      '--disable-workspace-trust',
      // Without it the workbench ignores the URL's payload (extension tests, dev path).
      '--enable-smoke-test-driver',
    ],
    {
      // Own process group: the file watcher and extension host die with it.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        EXTENSIONS_GALLERY: '{}',
        // Else it leaves sockets and caches in /tmp.
        TMPDIR: join(dataDir, 'tmp'),
        NODE_DISABLE_COMPILE_CACHE: '1',
      },
    },
  );
  if (child.pid === undefined) throw new Error(`could not start ${installation.node}`);
  const pid = child.pid;
  live.add(pid);

  let tail = '';
  const debug = Boolean(process.env.BRIEFING_DEBUG);
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`VS Code server did not report "Extension host agent listening on" within ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
    const onData = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString();
      if (debug) process.stderr.write(`[server] ${text}`);
      tail = (tail + text).slice(-6000);
      if (READY.test(tail)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      live.delete(pid);
      clearTimeout(timer);
      reject(new Error(`VS Code server exited early (${signal ?? code})`));
    });
  });

  /** @param {string} path */
  const remoteUri = (path) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(path).pathname}`;

  /** @type {Server} */
  const server = {
    port,
    runDir,
    remoteUri,
    url(urlOptions) {
      /** @type {[string, string][]} */
      const payload = [['skipWelcome', 'true']];
      if (urlOptions.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(urlOptions.extensionDevelopmentPath)]);
      if (urlOptions.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(urlOptions.extensionTestsPath)]);
      if (urlOptions.extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(urlOptions.extensionEnvironment)]);
      if (urlOptions.openFile) payload.push(['openFile', remoteUri(urlOptions.openFile)]);
      // One of folder= and ew=true, never both.
      const target = urlOptions.folder ? `folder=${encodeURIComponent(urlOptions.folder)}` : 'ew=true';
      return `http://127.0.0.1:${port}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    output: () => tail,
    stop() {
      kill(pid);
      if (!options.keepRunDir && !process.env.BRIEFING_KEEP_RUNS) rmSync(runDir, { recursive: true, force: true });
    },
  };

  try {
    await ready;
  } catch (error) {
    server.stop();
    throw new Error(`${/** @type {Error} */ (error).message}\n--- server output ---\n${tail}`);
  }
  return server;
}
