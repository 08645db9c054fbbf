// The writing loop in a real VS Code window, as a journalist lives it: a
// warning on a draft opened before Briefing was ever touched, the quick fix
// that puts the source's figure in, a speaker's own words quoted from the
// search, Show Panel landing in the search box, and the briefing home at
// the default sidebar width, light and dark.
import assert from 'node:assert/strict';
import { openWorkbench } from '../runner/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };

/** @param {() => Promise<boolean>} check @param {string} what */
async function eventually(check, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Puts the editor's cursor at a line and column, through Go to Line.
 * @param {import('../runner/workbench.mjs').Workbench} wb @param {number} line @param {number} column
 */
async function cursorTo(wb, line, column) {
  const { page } = wb;
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

describe('the writing loop (light theme)', () => {
  /** @type {import('../runner/workbench.mjs').Workbench} */
  let wb;
  before(async () => {
    wb = await openWorkbench({ theme: 'light', openFile: 'spending.md', viewport: VIEWPORT });
  });
  after(() => wb?.close());

  it('warns about a wrong figure in a draft opened before Briefing was used', async () => {
    // Nothing of Briefing was opened or run: its checks start with the Markdown file.
    await wb.page.locator('.part.editor .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.equal(await wb.page.locator('.activitybar a.action-label[aria-label^="Briefing"].checked').count(), 0, 'the Briefing view was never opened');
  });

  it('replaces the figure with the source’s and cites it, from the quick fix', async function () {
    this.timeout(300_000);
    const { page } = wb;
    await page.locator('.part.editor .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await cursorTo(wb, 3, 23);
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace 7.5% with 6.3% and cite World Today News' });
    await eventually(async () => {
      await page.keyboard.press('Control+.');
      if (await fix.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return true;
      await page.keyboard.press('Escape'); // the menu opened before the check's findings arrived
      return false;
    }, 'the quick fix is offered', 60_000);
    await wb.screenshot('writing-loop-quick-fix');
    await fix.click();
    // The citation style's engine is built in the worker on first use: seconds on a busy machine.
    await eventually(async () => /Defense spending is 6\.3% of Russia's GDP\.\s*\[\^[\w-]+\]/.test(await wb.editorText()), 'the figure is replaced and cited', 240_000);
    // Long lines wrap on screen: the note reads as one line once the wrapping is undone.
    assert.match((await wb.editorText()).replace(/\s+/g, ' '), /\[\^[\w-]+\]: [^[]*World Today News/);
    await eventually(async () => (await page.locator('.part.editor .monaco-editor .squiggly-warning').count()) === 0, 'the warning goes', 120_000);
  });

  it('Show Panel puts the cursor in the panel’s search box', async () => {
    const { page } = wb;
    await wb.runCommand('Briefing: Show Panel');
    const view = wb.webview();
    await view.locator('vscode-textfield.search-field').waitFor({ timeout: 30_000 });
    await eventually(
      async () => (await view.locator('body').evaluate(() => document.activeElement?.closest('vscode-textfield')?.classList.contains('search-field') ?? false).catch(() => false)) === true,
      'the search box has the focus',
    );
    await page.keyboard.type('Peskov', { delay: 30 });
    await view.locator('.results .passage-card').first().waitFor();
  });

  it('quotes a speaker’s own words, chosen beside the whole sentence, with Alt+Enter in the search', async function () {
    this.timeout(300_000);
    const { page } = wb;
    await cursorTo(wb, 5, 1000);
    await wb.runCommand('Briefing: Search Sources');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Briefing: Search Sources' }).waitFor();
    await page.keyboard.type('very difficult negotiations', { delay: 30 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'very difficult' }).first().waitFor();
    await wb.screenshot('writing-loop-search-rows');
    await page.keyboard.press('Alt+Enter');
    const words = page.locator('.quick-input-list .monaco-list-row', { hasText: 'called the negotiations “very difficult”' });
    await words.waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'The reporter’s sentence' }).waitFor();
    await wb.screenshot('writing-loop-quote-choice');
    await words.click();
    await eventually(async () => /Dmitry Peskov called the negotiations “very difficult”\s*\[\^[\w-]+\]/.test(await wb.editorText()), 'the speaker’s words are in the draft', 240_000);
  });
});

for (const theme of /** @type {const} */ (['light', 'dark'])) {
  describe(`the briefing home at the default sidebar width (${theme} theme)`, () => {
    /** @type {import('../runner/workbench.mjs').Workbench} */
    let wb;
    before(async () => {
      wb = await openWorkbench({ theme, openFile: 'draft.md', viewport: VIEWPORT });
    });
    after(() => wb?.close());

    it('fits the first screen: every section in view, each with its best items', async () => {
      const { page } = wb;
      await page.locator('.activitybar a.action-label[aria-label^="Briefing"]').click();
      const view = wb.webview();
      await view.locator('.home-section[data-section="sources"] .section-header').waitFor({ timeout: 60_000 });
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      assert.ok(sidebar && sidebar.width <= 320, `the sidebar is at its default width (${sidebar?.width} px)`);
      await page.mouse.move(VIEWPORT.width - 40, VIEWPORT.height - 80);
      await page.waitForTimeout(300);
      await page.locator('.part.sidebar').screenshot({ path: (await wb.screenshot(`home-300-${theme}`)).replace(/\.png$/, '-sidebar.png') });
      const { height, viewport } = await view.locator('body').evaluate(() => ({ height: document.documentElement.scrollHeight, viewport: window.innerHeight }));
      assert.ok(height <= viewport * 1.1, `the home is ${height} px tall in a ${viewport} px view`);
      for (const section of ['topics', 'facts', 'stances', 'timeline', 'differences', 'people', 'sources']) {
        const header = view.locator(`.home-section[data-section="${section}"] .section-header`);
        const bottom = await header.evaluate((element) => element.getBoundingClientRect().bottom);
        assert.ok(bottom <= viewport, `the ${section} section is on the first screen (its header ends at ${Math.round(bottom)} px of ${viewport})`);
      }
      // Each open section shows its best few items, its count, and "Show all" for the rest.
      for (const section of ['facts', 'stances']) {
        assert.equal(await view.locator(`.home-section[data-section="${section}"] .section-body li`).count(), 3, `${section} shows three items`);
        await view.locator(`.home-section[data-section="${section}"] .section-more`, { hasText: /^Show all \d+$/ }).waitFor();
      }
    });
  });
}
