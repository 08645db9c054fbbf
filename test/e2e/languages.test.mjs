// Russian and Ukrainian sources in a real VS Code window: two of the fixture
// texts added to the sources through the setting, found from the panel by an
// inflected Cyrillic word and by a Latin spelling, each card marked with its
// language (RU, UK), and the quick pick's row leading with the language too.
// Screenshots go to test-results/screenshots/ (languages-panel-light.png,
// languages-panel-dark.png, languages-quickpick-dark.png).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../runner/install.mjs';
import { openWorkbench } from '../runner/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const SCREENSHOTS = join(REPO, 'test-results/screenshots');
const FIXTURES = join(REPO, 'test/fixtures/cyrillic');

/** Copies a Russian and a Ukrainian fixture text into the workspace and adds their folder to the sources. @param {string} workspaceDir */
function addCyrillicSources(workspaceDir) {
  const folder = join(workspaceDir, 'cyrillic');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(FIXTURES, 'heldout/ru-zelensky-2022-03-09-mariupol.md'), join(folder, 'ru-mariupol.md'));
  copyFileSync(join(FIXTURES, 'heldout/uk-alex-205.md'), join(folder, 'uk-205.md'));
  mkdirSync(join(workspaceDir, '.vscode'), { recursive: true });
  writeFileSync(join(workspaceDir, '.vscode', 'settings.json'), JSON.stringify({ 'briefing.sources.include': ['cyrillic'] }, null, 2));
}

/** @param {import('../runner/workbench.mjs').Workbench} wb @param {string} name */
async function screenshot(wb, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await wb.page.mouse.move(VIEWPORT.width - 40, VIEWPORT.height - 80);
  await wb.page.waitForTimeout(150);
  await wb.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

for (const theme of /** @type {const} */ (['light', 'dark'])) {
  describe(`Russian and Ukrainian sources in the panel (${theme} theme)`, function () {
    this.timeout(300_000);
    /** @type {import('../runner/workbench.mjs').Workbench | undefined} */
    let wb;
    after(() => wb?.close());

    it('finds a Russian source by an inflected word and marks its card RU; a Latin spelling finds the Ukrainian one, marked UK', async () => {
      wb = await openWorkbench({ theme, openFile: 'draft.md', viewport: VIEWPORT });
      addCyrillicSources(wb.workspaceDir);
      const { page } = wb;
      await page.locator('.activitybar a.action-label[aria-label^="Briefing"]').click();
      const view = wb.webview();
      await view.locator('.home-section[data-section="topics"] .chip').first().waitFor({ timeout: 60_000 });
      await view.locator('vscode-textfield.search-field').click();
      // "Мариуполь" is never written so: the source says "Мариуполя" and "Мариуполем"-like forms.
      await page.keyboard.type('Мариуполь', { delay: 20 });
      const russian = view.locator('.results .passage-card', { has: view.locator('.tag.lang', { hasText: 'RU' }) }).first();
      await russian.waitFor({ timeout: 60_000 });
      assert.equal(await russian.locator('.tag.lang').getAttribute('title'), 'In Russian');
      await screenshot(wb, `languages-panel-${theme}`);

      await view.locator('vscode-textfield.search-field').click();
      await page.keyboard.press('Escape');
      await view.locator('vscode-textfield.search-field').click();
      await page.keyboard.type('Mariupol heroes', { delay: 20 });
      await view.locator('.results .passage-card .tag.lang', { hasText: 'UK' }).first().waitFor({ timeout: 30_000 });

      if (theme === 'dark') {
        // The quick pick's row leads with the language, before a title long enough to be cut.
        await page.keyboard.press('Control+Shift+Alt+B');
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor();
        await input.fill('Мариуполя');
        await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: /^RU · / }).first().waitFor({ timeout: 30_000 });
        await screenshot(wb, 'languages-quickpick-dark');
        await page.keyboard.press('Escape');
      }
    });
  });
}
