import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArchiveStatus } from '../../src/node/archive/archiveService';
import { ArchiveConnection } from '../../src/node/archive/archiveConnection';
import { pushDocuments } from '../../src/node/archive/archivePush';
import { ArchiveReader } from '../../src/node/archive/archiveReader';
import { migrate } from '../../src/node/archive/archiveSchema';
import { folderItems } from '../../src/node/archive/pushSources';
import { postgresUnavailable, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres';
import { closeAllEditors, eventually, openDraft, setSetting } from './helpers';

const status = (): Thenable<ArchiveStatus> => vscode.commands.executeCommand<ArchiveStatus>('briefing.archiveStatus', { silent: true });

describe('the shared archive in the editor', function () {
  this.timeout(90_000);
  let cluster: ThrowawayPostgres | undefined;
  let passageId: string;
  let passageText: string;

  before(async function () {
    const missing = postgresUnavailable();
    if (missing) {
      if (process.env.CI) throw new Error(missing);
      this.skip();
    }
    cluster = await startThrowawayPostgres({ settings: { fsync: 'off' } });
    const connection = new ArchiveConnection({ url: cluster.url(), timeoutMs: 10_000 });
    const folder = mkdtempSync(path.join(tmpdir(), 'briefing-archive-ext-'));
    try {
      await migrate(connection);
      writeFileSync(path.join(folder, 'quarry.md'), '---\ntitle: The quarry meeting\noutlet: Valley Courier\ndate: 2025-03-02\n---\n\n# Notes\n\nThe whistleblower met the zeppelinist at the quarry before dawn, a witness said.\n');
      await pushDocuments(connection, folderItems(folder, 1 << 20, () => undefined), { collection: 'desk' });
      const [hit] = await new ArchiveReader(connection).search('zeppelinist', { limit: 1 });
      passageId = hit.passage.id;
      passageText = hit.passage.text;
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await connection.close();
    }
    await setSetting('archive.url', cluster.url());
  });

  after(async () => {
    await setSetting('archive.url', undefined);
    await closeAllEditors();
    cluster?.stop();
  });

  it('finds an archive passage in the quick pick and cites it like a local one', async function () {
    this.timeout(300_000); // the citation engine is built in the worker on first use: seconds on a busy machine
    const editor = await openDraft('A witness saw the meeting.', 'markdown');
    const cited = (): boolean => /\[\^[^\]]+\]:/.test(editor.document.getText());
    // On a loaded machine a query can pass the archive's 2 s limit, leaving the pick without the archive's hit or the
    // citation without its source (the user is told); a user searches again, and so does the test, a few times.
    const misses: string[] = [];
    for (let attempt = 1; attempt <= 4 && !cited(); attempt++) {
      // Connected first: a query past the limit marks the archive unreachable until it comes back by itself.
      await eventually(async () => (await status()).state === 'connected', 'the archive connected', 60_000);
      await vscode.commands.executeCommand('briefing.search', { query: 'zeppelinist quarry' });
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await eventually(cited, 'the citation', 60_000).catch(async () => {
        misses.push(`attempt ${attempt}: archive ${(await status()).state}`);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      });
    }
    assert.ok(cited(), `no citation: ${misses.join('; ')}`);
    if (misses.length > 0) console.log(`[archive test] cited after a retry: ${misses.join('; ')}`);
    const text = editor.document.getText();
    assert.match(text, /^A witness saw the meeting\.\[\^([^\]]+)\]\n\n\[\^\1\]: .*Quarry Meeting.*Valley Courier/s, text);
    // Still (or again) connected: a query past the time limit on a loaded machine marks it unreachable until the next try.
    await eventually(async () => (await status()).state === 'connected', 'the archive still connected', 60_000);
  });

  it('opens an archive passage read-only, with the passage selected', async () => {
    await eventually(async () => (await status()).state === 'connected', 'the archive connected', 60_000);
    await vscode.commands.executeCommand('briefing.openSource', { passageId });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.scheme, 'briefing-source');
    const selected = editor.document.getText().slice(editor.document.offsetAt(editor.selection.start));
    assert.ok(selected.startsWith(passageText.slice(0, 30)), selected.slice(0, 60));
  });

  it('refuses a password written into the setting, and never shows it', async () => {
    await setSetting('archive.url', cluster!.url().replace('//postgres@', '//postgres:hunter2@'));
    await eventually(async () => {
      const current = await status();
      return current.state === 'unreachable' && /contains a password/.test(current.reason);
    }, 'the setting refused');
    assert.doesNotMatch(JSON.stringify(await status()), /hunter2/);
    await setSetting('archive.url', cluster!.url());
    await eventually(async () => (await status()).state === 'connected', 'connected again with the setting fixed');
  });

  it('asks for the password once when the server wants one', async () => {
    cluster!.sql("create role ann login password 'open-sesame'; grant needs_password to ann; insert into briefing.collection_readers values ('desk', 'ann');");
    await setSetting('archive.url', cluster!.url('postgres', 'ann'));
    try {
      await eventually(async () => (await status()).state === 'needs-password', 'the archive asking for a password');
      // The prompt is open now (a quick input); dismissing it leaves local search working and the status saying why.
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      const current = await status();
      assert.ok(current.state === 'needs-password' && /password/.test(current.reason));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await setSetting('archive.url', cluster!.url());
      await eventually(async () => (await status()).state === 'connected', 'connected again');
    }
  });

  it('keeps searching locally while the archive is down, says why, and reconnects by itself', async function () {
    this.timeout(300_000);
    cluster!.pause();
    try {
      const editor = await openDraft('Both sides have swapped prisoners.', 'markdown');
      await vscode.commands.executeCommand('briefing.search', { query: 'prisoner exchange' });
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await eventually(() => editor.document.getText().includes('[^worldtodaynews2025ukraine]'), 'the local citation', 240_000);
      await eventually(async () => (await status()).state === 'unreachable', 'the archive reported unreachable');
      const down = await status();
      assert.ok(down.state === 'unreachable' && down.reason.length > 0);
    } finally {
      cluster!.resume();
    }
    await eventually(async () => (await status()).state === 'connected', 'reconnection without any action', 40_000);
  });
});
