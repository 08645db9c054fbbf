// Helpers for UI end-to-end tests (test/e2e/*.test.mjs): each openWorkbench()
// starts its own VS Code server (fresh settings, fresh workspace copy) and a
// headless browser window with Briefing loaded in development mode.
import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { install, REPO } from './install.mjs';
import { copyWorkspace, startServer } from './server.mjs';

export const RESULTS_DIR = join(REPO, 'test-results');
const LOAD_TIMEOUT_MS = 60_000;

/**
 * @typedef {object} WorkbenchOptions
 * @property {'light' | 'dark'} [theme]  Default Light Modern / Default Dark Modern. Default light.
 * @property {string} [folder]   Folder copied into a fresh workspace. Default test/fixtures/workspace.
 * @property {string} [openFile] File to open at start, relative to the workspace (or absolute).
 * @property {{ width: number, height: number }} [viewport] The window size. Default 1400×900.
 */

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Page} page
 * @property {number} port
 * @property {string} workspaceDir  The workspace copy on disk: check saved edits here.
 * @property {() => import('playwright-core').FrameLocator} webview  Content of the (first ready) webview.
 * @property {() => Promise<string>} editorText  Visible text of the active editor.
 * @property {(title: string) => Promise<void>} runCommand  Runs a command palette entry by its full label.
 * @property {(title: string) => Promise<void>} waitForCommand  Resolves once the palette lists `title`; closes the palette.
 * @property {(name: string) => Promise<string>} screenshot  Saves test-results/<name>.png; returns the path.
 * @property {() => Promise<void>} close
 */

/** @type {Promise<import('./install.mjs').Installation> | undefined} */
let installation;
/** Open workbenches, for the failure screenshot and clean-up hooks. */
const open = new Set();

/**
 * @param {WorkbenchOptions} [options]
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench(options = {}) {
  installation ??= install();
  const server = await startServer(await installation, { theme: options.theme ?? 'light' });
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    browser = await launchBrowser((await installation).chromium);
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const debug = Boolean(process.env.BRIEFING_DEBUG);
    // The smoke-test driver reports through these; in a UI run they only carry the workbench log.
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown[]} */ args) => {
      if (debug) console.error(`[workbench ${level}]`, format(...(Array.isArray(args) ? args : [args])));
    });
    await page.exposeFunction('codeAutomationExit', () => {});

    const workspaceDir = copyWorkspace(server, options.folder ?? join(REPO, 'test/fixtures/workspace'));
    const openFile = options.openFile && (isAbsolute(options.openFile) ? options.openFile : join(workspaceDir, options.openFile));
    await page.goto(server.url({ folder: workspaceDir, extensionDevelopmentPath: REPO, ...(openFile ? { openFile } : {}) }));
    await page.locator('.monaco-workbench').waitFor({ timeout: LOAD_TIMEOUT_MS });
    if (openFile) await page.locator(ACTIVE_EDITOR_LINES).waitFor({ timeout: LOAD_TIMEOUT_MS });

    const activeBrowser = browser;
    /** @type {Workbench} */
    const workbench = {
      page,
      port: server.port,
      workspaceDir,
      webview: () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame'),
      editorText: async () => (await page.locator(ACTIVE_EDITOR_LINES).innerText()).replace(/\u00a0/g, ' '),
      runCommand: (title) => paletteEntry(page, title, 'run'),
      waitForCommand: (title) => paletteEntry(page, title, 'find'),
      screenshot: async (name) => {
        mkdirSync(RESULTS_DIR, { recursive: true });
        const path = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
        await page.screenshot({ path });
        return path;
      },
      close: async () => {
        open.delete(workbench);
        await activeBrowser.close().catch(() => {});
        server.stop();
      },
    };
    open.add(workbench);
    return workbench;
  } catch (error) {
    await browser?.close().catch(() => {});
    server.stop();
    throw error;
  }
}

/**
 * The active editor of the main editor area (modal editors such as Running
 * Extensions have their own active group). Only visible lines render, so this
 * is the text on screen, not the whole file.
 */
const ACTIVE_EDITOR_LINES =
  '.part.editor:not(.modal-editor-part) .editor-group-container.active .editor-instance .monaco-editor .view-lines';

/**
 * Opens the command palette and finds the entry whose label starts with `title`,
 * then clicks it ('run') or closes the palette ('find'). Reopens the palette until
 * the command is registered: an open palette does not pick up late contributions.
 * @param {import('playwright-core').Page} page @param {string} title @param {'run' | 'find'} action
 * @param {number} [timeoutMs]
 */
async function paletteEntry(page, title, action, timeoutMs = 30_000) {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title.replace(/["\\]/g, '\\$&')}"]`).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`); // fill replaces the '>' that F1 typed
    try {
      await row.waitFor({ timeout: Math.max(1, Math.min(3_000, deadline - Date.now())) });
    } catch (error) {
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
      if (Date.now() >= deadline) throw new Error(`command "${title}" not found in the command palette within ${timeoutMs / 1000} s`, { cause: error });
      continue;
    }
    if (action === 'run') {
      await row.click();
    } else {
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
    }
    return;
  }
}

/**
 * Screenshots every open workbench (for a mocha afterEach hook on failure).
 * @param {string} name @returns {Promise<string[]>}
 */
export async function screenshotOpenWorkbenches(name) {
  const workbenches = [...open];
  return Promise.all(workbenches.map((workbench, index) => workbench.screenshot(workbenches.length > 1 ? `${name}-${index + 1}` : name)));
}

/** Closes whatever a test left open. */
export async function closeOpenWorkbenches() {
  await Promise.all([...open].map((workbench) => workbench.close()));
}
