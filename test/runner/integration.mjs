// Runs the extension-host mocha suite (dist/test/integration/index.js) inside the
// VS Code server, with a headless browser as the window: the workbench's smoke
// test driver runs extensionTestsPath and reports back through two functions
// we expose on the page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { REPO } from './install.mjs';
import { copyWorkspace, startServer } from './server.mjs';

const START = '[briefing-tests] start';
const RESULT = /\[briefing-tests\] result passed=(\d+) failed=(\d+)/;
/** Workbench and server chatter that can arrive while mocha runs. */
const NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /Could not locate the bindings file/, // the unbuilt logging addon (--ignore-scripts)
  /native-watchdog|build\/Release\/watchdog/,
  /^Canceled: Canceled/,
  /^\[Service Worker\] registration/,
];

/**
 * @param {import('./install.mjs').Installation} installation
 * @param {{ timeoutMs: number }} options  How long the suite may take once the server is up.
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function runIntegration(installation, { timeoutMs }) {
  const entry = join(REPO, 'dist/test/integration/index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);

  const server = await startServer(installation, { theme: 'light' });
  const browser = await launchBrowser(installation.chromium).catch((error) => {
    server.stop();
    throw error;
  });
  try {
    const page = await browser.newPage();
    let inside = false;
    /** @type {{ passed: number, failed: number } | undefined} */
    let counts;
    /** @type {string[]} */
    const before = []; // kept for the error message when the suite never starts

    /** @type {(code: number) => void} */
    let exited = () => {};
    /** @type {Promise<number>} */
    const exit = new Promise((resolve) => (exited = resolve));

    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown[]} */ args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (line === START) return void (inside = true);
      const result = RESULT.exec(line);
      if (result) {
        counts = { passed: Number(result[1]), failed: Number(result[2]) };
        inside = false;
        return;
      }
      if (NOISE.some((pattern) => pattern.test(line))) return;
      if (inside) console.log(line);
      else if (level === 'error') before.push(line);
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => exited(code));

    const workspace = copyWorkspace(server, join(REPO, 'test/fixtures/workspace'));
    await page.goto(server.url({ folder: workspace, extensionDevelopmentPath: REPO, extensionTestsPath: entry }));

    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));

    if (counts) return counts.failed === 0 && code !== 0 ? { ...counts, failed: 1 } : counts;
    // The suite never reported: a missing or broken test bundle, or activation failed.
    console.error(`The extension-host suite exited with code ${code} before reporting results.`);
    for (const line of before.slice(-10)) console.error(line);
    return { passed: 0, failed: 1 };
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}
