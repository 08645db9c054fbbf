// `npm run screenshots`: regenerates the README's screenshots in
// media/screenshots/ by running the panel's UI tests in a real VS Code with
// BRIEFING_SCREENSHOTS pointing there. `npm test` never writes them: its
// screenshots go to test-results/screenshots/, which git ignores.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './install.mjs';

const run = spawnSync(process.execPath, [join(REPO, 'test/runner/run.mjs'), 'e2e'], {
  cwd: REPO,
  stdio: 'inherit',
  env: { ...process.env, BRIEFING_SCREENSHOTS: join(REPO, 'media/screenshots'), BRIEFING_GREP: process.env.BRIEFING_GREP ?? 'Briefing panel' },
});
if (run.status === 0) console.log(`Screenshots written to ${join(REPO, 'media/screenshots')}; review them and commit the ones that changed.`);
process.exit(run.status ?? 1);
