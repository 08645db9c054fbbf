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
// Palette entries with a "when" ("never" for internal commands, or a context such
// as editorHasSelection) are not always listed: check the unconditional ones.
const hidden = new Set(
  (manifest.contributes?.menus?.commandPalette ?? []).filter((entry) => entry.when).map((entry) => entry.command),
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

    it('lists every unconditional contributed command as "Briefing: …" in the command palette', async function () {
      if (commands.length === 0) this.skip(); // package.json contributes no commands yet
      for (const { title, category } of commands) {
        assert.equal(category, 'Briefing', `command "${title}" needs category "Briefing"`);
        await workbench.waitForCommand(`Briefing: ${title}`);
      }
    });
  });
}
