// The shared archive in a real VS Code window: a throwaway PostgreSQL with
// part of the bench corpus (`npm run archive:dev`'s script), the setting
// pointed at it, archive cards in the panel labelled by collection, and the
// status bar saying "Archive", then "Archive unreachable" once it is gone.
// Screenshots go to test-results/ (archive-panel-light.png, archive-status-dark.png).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../runner/install.mjs';
import { openWorkbench } from '../runner/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };

/** Starts dist/archiveDev.js and resolves with its URL and a stop function. */
function startArchive() {
  const child = spawn(process.execPath, [join(REPO, 'dist/archiveDev.js'), '--passages=2000'], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`archive:dev did not get ready:\n${output}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /^\s+(postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres)/m.exec(output)?.[1];
      if (url && /Ctrl\+C stops/.test(output)) {
        clearTimeout(timer);
        resolve({ url, stop, exited: new Promise((done) => child.once('exit', done)) });
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`archive:dev exited (${code}):\n${output}`));
    });
  });
}

/** @param {import('../runner/workbench.mjs').Workbench} wb @param {string} url */
function useArchive(wb, url) {
  mkdirSync(join(wb.workspaceDir, '.vscode'), { recursive: true });
  writeFileSync(join(wb.workspaceDir, '.vscode', 'settings.json'), JSON.stringify({ 'briefing.archive.url': url }, null, 2));
}

describe('the shared archive in the panel', function () {
  /** @type {{ url: string, stop: () => void, exited: Promise<unknown> } | undefined} */
  let archive;
  /** @type {import('../runner/workbench.mjs').Workbench | undefined} */
  let wb;

  before(async function () {
    if (!existsSync('/usr/lib/postgresql') && !process.env.BRIEFING_PG_BIN) {
      if (process.env.CI) throw new Error('PostgreSQL is not installed: .ci/run installs it');
      this.skip();
    }
    archive = await startArchive();
  });
  after(async () => {
    await wb?.close();
    archive?.stop();
    await archive?.exited;
  });

  /** Opens a window on the archive and searches it from the panel; archive cards come beside local ones. @param {'light' | 'dark'} theme */
  async function searchBoth(theme) {
    wb = await openWorkbench({ theme, openFile: 'draft.md', viewport: VIEWPORT });
    useArchive(wb, archive.url);
    const { page } = wb;
    await page.locator('.activitybar a.action-label[aria-label^="Briefing"]').click();
    const view = wb.webview();
    await view.locator('.home-section[data-section="topics"] .chip').first().waitFor({ timeout: 60_000 });
    await view.locator('vscode-textfield.search-field').click();
    await page.keyboard.type('economy inflation', { delay: 20 });
    await view.locator('.results .passage-card .tag.archive', { hasText: 'archive · bench' }).first().waitFor({ timeout: 30_000 });
    await view.locator('.results .passage-card .card-source .source', { hasText: 'World Today News' }).first().waitFor();
    // Connected: "Archive" alone (on a loaded machine a query may pass the 2 s limit; the status then recovers by itself).
    await page.locator('.statusbar-item', { hasText: /^\s*Archive\s*$/ }).first().waitFor({ timeout: 60_000 });
    await page.mouse.move(VIEWPORT.width - 40, VIEWPORT.height - 80);
    await wb.screenshot(`archive-panel-${theme}`);
    return { page, view };
  }

  it('shows archive passages beside local ones, labelled by collection (dark theme)', async () => {
    await searchBoth('dark');
    await wb.close();
    wb = undefined;
  });

  it('shows archive passages beside local ones, and says when the archive is gone (light theme)', async () => {
    const { page, view } = await searchBoth('light');

    archive.stop();
    await archive.exited;
    await view.locator('vscode-textfield.search-field').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('prisoner exchange', { delay: 20 });
    await view.locator('.results .passage-card .card-source .source', { hasText: 'World Today News' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'Archive unreachable' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('archive-unreachable-light');
  });
});
