// `npm start`: try Briefing by hand on samples/draft.md. With a desktop `code`
// on PATH, opens an Extension Development Host; otherwise serves VS Code in the
// browser from the offline install (test/runner/install.mjs) until Ctrl+C.
//   node test/runner/start.mjs [--dark] [--as-installed]
// --as-installed loads Briefing like an installed extension instead of in
// development mode: notification toasts and dialogs then show (the smoke-test
// driver that development mode needs in the browser hides them).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { install, REPO } from './install.mjs';
import { startServer } from './server.mjs';

const SAMPLES = join(REPO, 'samples');
const DRAFT = join(SAMPLES, 'draft.md');
const args = process.argv.slice(2);

/** @param {string} command @returns {string | undefined} */
function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

const code = onPath('code');
if (code && !process.env.BRIEFING_NO_DESKTOP) {
  // The desktop CLI opens the folder, then the file in that window, and returns.
  const child = spawn(code, [`--extensionDevelopmentPath=${REPO}`, SAMPLES, DRAFT], { stdio: 'inherit' });
  child.on('exit', (exitCode) => process.exit(exitCode ?? 1));
} else {
  const asInstalled = args.includes('--as-installed');
  const server = await startServer(await install(), {
    theme: args.includes('--dark') ? 'dark' : 'light',
    smokeTestDriver: !asInstalled,
    linkExtensions: asInstalled ? [REPO] : [],
  });
  process.on('SIGINT', () => process.exit(0)); // exiting kills the server group (server.mjs)
  process.on('SIGTERM', () => process.exit(0));

  const url = server.url({ folder: SAMPLES, openFile: DRAFT, ...(asInstalled ? {} : { extensionDevelopmentPath: REPO }) });
  console.log(`\nVS Code with Briefing (${asInstalled ? 'as installed' : 'development mode'}) is running. Open in a browser:\n\n  ${url}\n`);
  if (!asInstalled) console.log('Notification toasts are hidden in this mode: see them under the bell in the status bar, or use --as-installed.');
  console.log('After `npm run build`, run "Developer: Reload Window" to load the new build. Ctrl+C stops the server.');
  const exitCode = await server.exited;
  console.error(`The VS Code server stopped (exit code ${exitCode}).`);
  process.exit(1);
}
