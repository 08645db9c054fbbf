// Launches headless Chromium through playwright-core. The runner owns signals:
// playwright must not exit the process on Ctrl+C before the server group is killed.
import { chromium } from 'playwright-core';

/**
 * @param {string} executablePath  Usually the unpacked @sparticuz/chromium; BRIEFING_CHROMIUM overrides
 *                                 (Debian's /usr/bin/chromium or a local Chrome).
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser(executablePath) {
  return chromium.launch({
    executablePath: process.env.BRIEFING_CHROMIUM || executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
}
