// Root hooks for the UI suite: a screenshot of every open window when a test
// fails, and no server or browser left running after the run.
import { closeOpenWorkbenches, screenshotOpenWorkbenches } from '../runner/workbench.mjs';

/** @type {import('mocha').RootHookObject} */
export const mochaHooks = {
  /** @this {import('mocha').Context} */
  async afterEach() {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const paths = await screenshotOpenWorkbenches(test.fullTitle()).catch(() => []);
    for (const path of paths) console.log(`      screenshot: ${path}`);
  },
  async afterAll() {
    await closeOpenWorkbenches();
  },
};
