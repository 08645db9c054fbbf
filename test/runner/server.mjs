// Starts the VS Code server (code-server's lib/vscode) for one run: a fresh
// server data dir with test settings, a free 127.0.0.1 port, and a process group
// that is always killed, whatever way this process ends.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
 * @property {Promise<number | null>} exited  Settles when the server process ends (its exit code).
 * @property {() => void} stop  Kills the server's process group (idempotent, synchronous).
 */

/**
 * @typedef {object} ServerOptions
 * @property {Theme} [theme]
 * @property {number} [readyTimeoutMs]
 * @property {boolean} [keepRunDir]       Keep .vscode-test/runs/<run> after stop (also BRIEFING_KEEP_RUNS=1).
 * @property {boolean} [smokeTestDriver]  Default true. The workbench honours the URL payload's
 *   extensionDevelopmentPath/extensionTestsPath only with it, but it also hides notification toasts.
 * @property {string[]} [linkExtensions]  Extension folders symlinked into the extensions dir, so they
 *   load as if installed, with no payload and no smoke-test driver.
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

/** Stop functions of running servers; called when this process exits for any reason (all synchronous). */
const live = new Set();
process.on('exit', () => {
  for (const stop of live) stop();
});

/**
 * Writes the user settings every test window gets (also used by desktop.mjs).
 * @param {string} userDir  <user data>/User @param {Theme} theme
 */
export function writeSettings(userDir, theme) {
  mkdirSync(userDir, { recursive: true });
  const settings = {
    'workbench.colorTheme': THEMES[theme],
    // Else an empty chat pane takes a third of the window.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
  };
  writeFileSync(join(userDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
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
 * @param {ServerOptions} [options]
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
  const extensionsDir = join(dataDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  for (const folder of options.linkExtensions ?? []) {
    const { publisher, name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    // The server scans <publisher>.<name>-<version> folders on first connection.
    symlinkSync(folder, join(extensionsDir, `${publisher}.${name}-${version}`));
  }
  writeSettings(userDir, theme);

  const port = await freePort();
  const child = spawn(
    installation.node,
    [
      installation.serverMain,
      ...['--host', '127.0.0.1', '--port', String(port)],
      '--without-connection-token',
      ...['--server-data-dir', dataDir, '--extensions-dir', extensionsDir],
      '--disable-telemetry',
      '--disable-experiments',
      '--disable-workspace-trust',
      // Without it the workbench ignores the URL payload's extension paths (only openFile works).
      ...(options.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']),
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

  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
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
    exited,
    stop() {
      live.delete(server.stop);
      try {
        process.kill(-pid, 'SIGKILL'); // the whole group: file watcher and extension host too
      } catch {
        // Already gone.
      }
      if (!options.keepRunDir && !process.env.BRIEFING_KEEP_RUNS) rmSync(runDir, { recursive: true, force: true });
    },
  };
  live.add(server.stop);

  try {
    await ready;
  } catch (error) {
    server.stop();
    throw new Error(`${/** @type {Error} */ (error).message}\n--- server output ---\n${tail}`);
  }
  return server;
}
