// The extension-host suite in a desktop VS Code, for contributors with the
// internet or a local VS Code: @vscode/test-electron downloads one into
// .vscode-test/ unless BRIEFING_VSCODE_EXECUTABLE names an installed binary
// (e.g. /usr/share/code/code). BRIEFING_VSCODE_VERSION picks the download
// (default: latest stable). Offline machines use run.mjs instead.
//   npm run build && node test/runner/desktop.mjs
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { CACHE, REPO } from './install.mjs';
import { writeSettings } from './server.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'briefing-desktop-'));
const workspace = join(scratch, 'workspace');
cpSync(join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
const userDataDir = join(scratch, 'user-data');
writeSettings(join(userDataDir, 'User'), 'light');

let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: process.env.BRIEFING_VSCODE_EXECUTABLE || undefined,
    version: process.env.BRIEFING_VSCODE_VERSION || undefined,
    cachePath: CACHE,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'dist/test/integration/index.js'),
    // Fresh profile and no other extensions, so only Briefing and the fixture are in play.
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userDataDir}`, `--extensions-dir=${join(scratch, 'extensions')}`],
  });
} catch (error) {
  // runTests rejects with TestRunFailedError when the tests fail or VS Code cannot start.
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
