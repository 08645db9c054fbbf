// The Briefing panel as a reporter uses it, in a real VS Code window: open it
// from the activity bar, search and cite, read the briefing, open a topic;
// and the command-palette search with its "Insert quote" button. Each run
// saves screenshots of what it shows into test-results/screenshots/ (ignored);
// `npm run screenshots` runs it with BRIEFING_SCREENSHOTS=media/screenshots to
// regenerate the README's.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../runner/install.mjs';
import { openWorkbench } from '../runner/workbench.mjs';

/** Where the screenshots go: an ignored folder, unless `npm run screenshots` asks for the README's. */
const SCREENSHOTS = process.env.BRIEFING_SCREENSHOTS ?? join(REPO, 'test-results/screenshots');
/** A laptop-sized window keeps the screenshots small and readable. */
const VIEWPORT = { width: 1280, height: 800 };
/** Wide enough for the briefing to read well, as a writer would drag it. */
const SIDEBAR_WIDTH = 410;

/**
 * @param {import('../runner/workbench.mjs').Workbench} wb @param {string} name
 */
async function screenshot(wb, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No tooltip or hover highlight from where the pointer last was.
  await wb.page.mouse.move(VIEWPORT.width - 40, VIEWPORT.height - 80);
  await wb.page.waitForTimeout(150);
  await wb.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Opens the Briefing view from its activity-bar icon and drags the sidebar wider.
 * @param {import('../runner/workbench.mjs').Workbench} wb
 */
async function openPanel(wb) {
  const { page } = wb;
  await page.locator('.activitybar a.action-label[aria-label^="Briefing"]').click();
  await page.locator('iframe.webview.ready').waitFor({ timeout: 30_000 });
  const box = await page.locator('.part.sidebar').boundingBox();
  assert.ok(box, 'the sidebar is visible');
  if (box.width < SIDEBAR_WIDTH) {
    // The sash between the sidebar and the editor sits on the sidebar's right edge.
    const x = box.x + box.width + 1;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + SIDEBAR_WIDTH - box.width, y, { steps: 4 });
    await page.mouse.up();
  }
  await wb.webview().locator('.home-section[data-section="topics"] .chip').first().waitFor({ timeout: 30_000 });
}

/**
 * Puts the editor's cursor at the end of a line of the draft, through Go to Line.
 * @param {import('../runner/workbench.mjs').Workbench} wb @param {number} line
 */
async function cursorToEndOfLine(wb, line) {
  const { page } = wb;
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`:${line}:1000`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** @param {() => Promise<boolean>} check @param {string} what */
async function eventually(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Briefing panel (dark theme)', () => {
  /** @type {import('../runner/workbench.mjs').Workbench} */
  let wb;
  before(async () => {
    wb = await openWorkbench({ theme: 'dark', openFile: 'draft.md', viewport: VIEWPORT });
  });
  after(() => wb?.close());

  it('opens from the activity bar on the briefing home: topics, key facts, who said what, timeline', async () => {
    await openPanel(wb);
    const view = wb.webview();
    await view.getByRole('button', { name: 'Ceasefire', exact: true }).waitFor();
    for (const section of ['Topics', 'Key facts', 'Who said what', 'Timeline', 'Where sources differ', 'People & organisations', 'Sources']) {
      await view.locator('.section-title').getByText(section, { exact: true }).waitFor();
    }
    // A key fact leads with its figure, in bold; long sections offer the rest.
    await view.locator('.fact strong.fact-value').first().waitFor();
    await view.locator('[data-section="facts"] .section-more', { hasText: /^Show all \d+$/ }).waitFor();
    await view.getByRole('button', { name: 'Export briefing' }).waitFor();
    // Below what relates to the draft: the briefing itself, from its topics on.
    await view.locator('.home-section[data-section="topics"]').evaluate((section) => {
      const header = document.querySelector('.panel-header');
      window.scrollTo({ top: section.getBoundingClientRect().top + window.scrollY - (header instanceof HTMLElement ? header.offsetHeight : 0) });
    });
    await screenshot(wb, 'briefing-home-dark');
    await view.locator('.home').evaluate(() => window.scrollTo({ top: 0 }));
  });

  it('searches "prisoner exchange" as you type and inserts a citation from a result card', async function () {
    this.timeout(300_000);
    const view = wb.webview();
    await cursorToEndOfLine(wb, 5);
    await view.locator('vscode-textfield.search-field').click();
    await wb.page.keyboard.type('prisoner exchange', { delay: 20 });
    const card = view.locator('.results .passage-card', { has: view.locator('.card-source .source', { hasText: 'World Today News' }) }).first();
    await card.waitFor();
    await view.locator('.search-status', { hasText: /\d+ passages?/ }).waitFor();
    await screenshot(wb, 'panel-dark');

    await card.hover();
    await card.getByRole('button', { name: /^Insert citation/ }).click();
    // The Chicago notes engine is built in the worker on first use: seconds on a busy machine.
    await eventually(async () => /\[\^worldtodaynews2025ukraine\]: /.test(await wb.editorText()), 'the footnote appears in the draft', 240_000);
    const text = await wb.editorText();
    assert.match(text, /briefed on the talks\.\[\^worldtodaynews2025ukraine\]/, 'the marker follows the sentence the cursor was at');
    assert.match(text, /^\[\^worldtodaynews2025ukraine\]: “Ukraine\s+Peace\s+Talks\s+Stall\s+as\s+Russia\s+and\s+Ukraine\s+Remain\s+at\s+Odds,”\s+\*World\s+Today\s+News\*,\s+June\s+2025\./m, 'the note names the title and the outlet, as Chicago writes them');
  });
});

describe('Briefing panel (light theme)', () => {
  /** @type {import('../runner/workbench.mjs').Workbench} */
  let wb;
  before(async () => {
    wb = await openWorkbench({ theme: 'light', openFile: 'draft.md', viewport: VIEWPORT });
    await openPanel(wb);
  });
  after(() => wb?.close());

  it('opens the Ceasefire topic from its chip, with its key passages, and goes back', async () => {
    const view = wb.webview();
    await view.getByRole('button', { name: 'Ceasefire', exact: true }).click();
    await view.locator('.topic-page .page-title', { hasText: 'Ceasefire' }).waitFor();
    await view.locator('.topic-page .page-subtitle', { hasText: /ceasefire/i }).waitFor();
    await view.locator('.topic-page .passage-card').first().waitFor();
    assert.ok((await view.locator('.topic-page .passage-card').count()) >= 3, 'a topic page shows several key passages');
    await view.getByRole('button', { name: 'Export this topic' }).waitFor();
    await screenshot(wb, 'topic-page-light');

    await view.getByRole('button', { name: 'Back to Briefing' }).click();
    await view.locator('.home .chip').first().waitFor();
    assert.equal(await view.locator('.topic-page').count(), 0, 'the topic page is gone');
  });

  it('shows the passages behind a key fact, and Escape goes back', async () => {
    const view = wb.webview();
    const fact = view.locator('.fact').first();
    const figure = (await fact.locator('.fact-value').innerText()).trim();
    await fact.click();
    await view.locator('.passages-page .page-title', { hasText: figure }).waitFor();
    await view.locator('.passages-page .passage-card').first().waitFor();
    // The figure is marked in the passages, so the reader sees where it is said.
    await view.locator('.passages-page .passage-card mark', { hasText: figure }).first().waitFor();
    await wb.page.keyboard.press('Escape');
    await view.locator('.home .fact').first().waitFor();
    assert.ok(await view.locator('.fact').first().evaluate((row) => row === document.activeElement), 'the keyboard is back on the fact');
  });

  it('shows results next to the draft and briefs on what was typed', async () => {
    const view = wb.webview();
    await view.locator('vscode-textfield.search-field').click();
    await wb.page.keyboard.type('prisoner exchange', { delay: 20 });
    await view.locator('.results .passage-card').first().waitFor();
    await screenshot(wb, 'panel-light');

    await view.getByRole('button', { name: 'Brief me on “prisoner exchange”' }).click();
    await view.locator('.topic-page .page-title', { hasText: 'prisoner exchange' }).waitFor();
    await view.locator('.topic-page .page-subtitle', { hasText: 'Free-text topic' }).waitFor();
    await view.locator('.topic-page .passage-card').first().waitFor();
    // Typing over the page shows results; clearing the field comes back to it.
    await view.locator('vscode-textfield.search-field').click();
    await wb.page.keyboard.type('Peskov');
    await view.locator('.results .passage-card').first().waitFor();
    await view.getByRole('button', { name: 'Clear search' }).click();
    await view.locator('.topic-page .page-title', { hasText: 'prisoner exchange' }).waitFor();
    await view.getByRole('button', { name: 'Back to Briefing' }).click();
    await view.locator('.home .chip').first().waitFor();
  });

  it('comes back on the same topic page, scrolled where it was, and to the home as it was left, after the panel was hidden', async () => {
    const { page } = wb;
    const view = wb.webview();
    // The home shows two rows of topics; "Show all" shows the rest, and stays so.
    await view.locator('.home-section[data-section="topics"] .section-more', { hasText: /^Show all \d+$/ }).click();
    await view.getByRole('button', { name: 'Security guarantees and NATO', exact: true }).click();
    await view.locator('.topic-page .passage-card').first().waitFor();
    await view.locator('.topic-page').evaluate(() => window.scrollTo({ top: 300 }));
    await page.waitForTimeout(400); // the saved state is written a few times a second
    await view.locator('body').evaluate((body) => body.setAttribute('data-before-hiding', ''));
    await page.locator('.activitybar a.action-label[aria-label^="Explorer"]').click();
    await page.locator('.part.sidebar .pane-header', { hasText: /workspace/i }).first().waitFor();
    await page.locator('.activitybar a.action-label[aria-label^="Briefing"]').click();
    await view.locator('.topic-page .page-title', { hasText: 'Security guarantees and NATO' }).waitFor();
    await view.locator('.topic-page .passage-card').first().waitFor();
    assert.equal(await view.locator('body[data-before-hiding]').count(), 0, 'the panel was reloaded, not kept alive');
    await eventually(async () => (await view.locator('body').evaluate(() => window.scrollY)) > 200, 'the page is scrolled back to where it was');
    await view.getByRole('button', { name: 'Back to Briefing' }).click();
    await view.locator('.home .chip').first().waitFor();
    assert.ok(await view.getByRole('button', { name: 'Security guarantees and NATO', exact: true }).isVisible(), 'every topic still shows');
    await view.locator('.home-section[data-section="topics"] .section-more', { hasText: 'Show fewer' }).waitFor();
  });

  it('Briefing: Search Sources from the command palette quotes the reporter\'s sentence with the row\'s "Insert quote" button', async function () {
    this.timeout(300_000); // the citation style's engine is built in the worker on first use
    const { page } = wb;
    await wb.waitForCommand('Briefing: Search Sources');
    await cursorToEndOfLine(wb, 7);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await page.keyboard.type('Briefing: Search Sources', { delay: 10 });
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="Briefing: Search Sources"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Briefing: Search Sources' }).waitFor();

    await page.keyboard.type('Peskov', { delay: 40 });
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Peskov' }).first();
    await row.waitFor();
    await row.hover();
    await row.locator('.action-label[aria-label^="Insert quote"], .action-label[title^="Insert quote"]').first().click();
    // Peskov is quoted in the passage: his own words are offered first, the reporter's whole sentence beside them.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Peskov called the negotiations “very difficult”' }).waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'The reporter’s sentence' }).click();
    await input.waitFor({ state: 'hidden' });
    await eventually(async () => /“[^”]*Peskov[^”]*/.test(await wb.editorText()), 'the quote appears in the draft', 240_000);
    assert.match(await wb.editorText(), /within a month\.\s+“[^”]*Peskov\s+acknowledged/, 'the quoted words follow the cursor, in quotation marks');
  });

  it('exports a topic as a Markdown briefing beside the draft', async () => {
    const view = wb.webview();
    await view.getByRole('button', { name: 'Ceasefire', exact: true }).click();
    await view.getByRole('button', { name: 'Export this topic' }).click();
    await eventually(async () => /^# Briefing: Ceasefire/m.test(await wb.editorText()), 'the exported briefing opens');
    assert.match(await wb.editorText(), /## Key passages/);
  });
});
