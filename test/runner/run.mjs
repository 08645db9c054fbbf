// `npm run test:vscode` = `node test/runner/run.mjs all`: the extension-host
// suite, then the UI suite, in a real VS Code (server + headless Chromium),
// installed offline on first use. `integration` or `e2e` runs one of them.
// Environment: BRIEFING_VSCODE_TIMEOUT (seconds, default 600) bounds the whole
// run; BRIEFING_DEBUG=1 prints server and workbench logs; BRIEFING_KEEP_RUNS=1
// keeps .vscode-test/runs/*; BRIEFING_CHROMIUM picks another Chromium binary;
// BRIEFING_GREP filters e2e tests by title.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runE2e } from './e2e.mjs';
import { install, REPO } from './install.mjs';
import { runIntegration } from './integration.mjs';

const mode = process.argv[2] ?? 'all';
if (!['all', 'integration', 'e2e'].includes(mode)) {
  console.error('usage: node test/runner/run.mjs [all|integration|e2e]');
  process.exit(2);
}

let passed = 0;
let failed = 0;

const timeoutS = Number(process.env.BRIEFING_VSCODE_TIMEOUT ?? 600);
const deadline = Date.now() + timeoutS * 1000;
// Exiting runs the clean-up hooks: server groups (server.mjs) and browsers (playwright) are killed.
const overall = setTimeout(() => {
  console.error(`\ntest:vscode timed out after ${timeoutS} s (BRIEFING_VSCODE_TIMEOUT); stopped the VS Code server and browser.`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, timeoutS * 1000);
for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the VS Code server and browser.`);
    process.exit(code);
  });
}

/** @param {string} title @param {() => Promise<{ passed: number, failed: number }>} suite */
async function phase(title, suite) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  try {
    const result = await suite();
    passed += result.passed;
    failed += result.failed;
  } catch (error) {
    // Infrastructure failure (install, server, browser, timeout): one failure, with the reason.
    console.error(`${title} could not run: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    failed += 1;
  }
  console.log(`(${title}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const installation = await install().catch((error) => {
  console.error(`Installing the offline VS Code failed: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

if (mode !== 'e2e') {
  await phase('extension-host integration tests', async () => {
    // `npm test` builds first; building here covers a bare `npm run test:vscode` on a fresh clone.
    if (!existsSync(join(REPO, 'dist/test/integration/index.js'))) {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'inherit' });
    }
    return runIntegration(installation, { timeoutMs: Math.max(1, deadline - Date.now()) });
  });
}
if (mode !== 'integration') {
  await phase('UI end-to-end tests', () => runE2e({ grep: process.env.BRIEFING_GREP }));
}

clearTimeout(overall);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
