// Entry point the extension host loads (extensionTestsPath): runs every bundled
// suite next to this file with mocha, as the `yo code` template does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Markers for test/runner/integration.mjs: the workbench sends our output mixed
 * with its own log, so the runner prints only what lies between them and reads
 * the counts from the last one.
 */
const START = '[briefing-tests] start';
const RESULT = '[briefing-tests] result';

/** Runs the extension-host suites; rejects when any test fails. */
export async function run(): Promise<void> {
  // No colors: the output travels through the workbench log to the runner.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  console.log(START);
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1 } as Mocha.Stats));
  });
  console.log(`${RESULT} passed=${stats.passes} failed=${stats.failures}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} extension-host test(s) failed.`);
}
