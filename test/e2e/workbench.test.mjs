// The workbench loads Briefing in development mode, in a light and a dark theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { REPO } from '../runner/install.mjs';
import { openWorkbench } from '../runner/workbench.mjs';

/**
 * @type {{ contributes?: {
 *   commands?: { command: string, title: string, category?: string }[],
 *   menus?: { commandPalette?: { command: string, when?: string }[] } } }}
 */
const manifest = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8'));
// Internal commands are hidden from the palette with "when": "never".
const hidden = new Set(
  (manifest.contributes?.menus?.commandPalette ?? []).filter((entry) => entry.when === 'never').map((entry) => entry.command),
);
const commands = (manifest.contributes?.commands ?? []).filter((entry) => !hidden.has(entry.command));

for (const theme of /** @type {const} */ (['light', 'dark'])) {
  describe(`workbench (${theme} theme)`, () => {
    /** @type {import('../runner/workbench.mjs').Workbench} */
    let workbench;
    before(async () => {
      workbench = await openWorkbench({ theme, openFile: 'draft.md' });
    });
    after(() => workbench?.close());

    it('runs as an Extension Development Host in the requested theme', async () => {
      await workbench.page.locator(`.monaco-workbench.${theme === 'dark' ? 'vs-dark' : 'vs'}`).waitFor();
      assert.match(await workbench.page.title(), /^\[Extension Development Host\]/);
    });

    it('opens the draft in the editor', async () => {
      assert.match(await workbench.editorText(), /Istanbul talks resume/);
    });

    it('lists every contributed command as "Briefing: …" in the command palette', async function () {
      if (commands.length === 0) this.skip(); // package.json contributes no commands yet
      const { page } = workbench;
      const input = page.locator('.quick-input-widget input.input');
      await page.keyboard.press('F1');
      // The palette list is virtualized: look each command up rather than reading all rows.
      for (const { title, category } of commands) {
        assert.equal(category, 'Briefing', `command "${title}" needs category "Briefing"`);
        await input.fill(`>Briefing: ${title}`);
        const label = `Briefing: ${title}`.replace(/["\\]/g, '\\$&');
        await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first().waitFor({ timeout: 30_000 });
      }
      await page.keyboard.press('Escape');
    });
  });
}
