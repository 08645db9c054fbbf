/**
 * The status-bar item of the shared archive: hidden without one,
 * "Archive" when connected, "Archive unreachable" with the reason when it
 * is down (local search goes on), and a key when it needs a password.
 * Clicking it offers what can be done.
 */
import * as vscode from 'vscode';
import type { ArchiveStatus } from '../node/archive/archiveService';
import type { ArchiveLink } from '../services/archiveLink';

export const ARCHIVE_STATUS_COMMAND = 'briefing.archiveStatus';

export class ArchiveStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('briefing.archive', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(link: ArchiveLink) {
    this.item.name = 'Briefing Archive';
    this.item.command = ARCHIVE_STATUS_COMMAND;
    this.subscription = link.onDidChangeStatus((status) => this.show(status));
    this.show(link.status);
  }

  private show(status: ArchiveStatus): void {
    const item = this.item;
    item.backgroundColor = undefined;
    switch (status.state) {
      case 'off':
        item.hide();
        return;
      case 'connecting':
        item.text = '$(sync~spin) Archive';
        item.tooltip = `Briefing: connecting to the archive ${status.url}`;
        break;
      case 'connected':
        item.text = '$(database) Archive';
        item.tooltip = `Briefing: connected to ${status.url} — ${status.passages.toLocaleString()} passages in ${status.collections.join(', ') || 'no collection you may read'}`;
        break;
      case 'unreachable':
        item.text = '$(warning) Archive unreachable';
        item.tooltip = `Briefing: archive unreachable — ${status.reason}. Local search goes on; ${status.retryInMs ? `trying again in ${Math.round(status.retryInMs / 1000)} s` : 'fix the setting briefing.archive.url'}.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'needs-password':
        item.text = '$(key) Archive: password';
        item.tooltip = `Briefing: the archive ${status.url} needs your password (${status.reason}). Click to enter it.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    item.accessibilityInformation = { label: item.text.replace(/\$\([^)]*\)\s*/g, '') + (typeof item.tooltip === 'string' ? `. ${item.tooltip}` : '') };
    item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
