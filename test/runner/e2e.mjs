// Runs the UI suite (test/e2e/*.test.mjs) with mocha's programmatic API in this
// process, so the counts come straight from mocha's stats.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { mochaHooks } from '../e2e/hooks.mjs';
import { REPO } from './install.mjs';

const E2E_DIR = join(REPO, 'test/e2e');

/**
 * @param {{ grep?: string }} [options]
 * @returns {Promise<{ passed: number, failed: number, pending: number }>}
 */
export async function runE2e(options = {}) {
  // The same settings `npx mocha --config test/e2e/.mocharc.json` uses.
  const config = JSON.parse(readFileSync(join(E2E_DIR, '.mocharc.json'), 'utf8'));
  const mocha = new Mocha({ timeout: config.timeout, slow: config.slow, color: process.stdout.isTTY, rootHooks: mochaHooks });
  if (options.grep) mocha.grep(options.grep);
  for (const name of readdirSync(E2E_DIR).filter((file) => file.endsWith('.test.mjs')).sort()) {
    mocha.addFile(join(E2E_DIR, name));
  }
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 1, pending: stats?.pending ?? 0 };
}
