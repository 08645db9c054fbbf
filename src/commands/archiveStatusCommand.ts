import * as vscode from 'vscode';
import type { ArchiveStatus } from '../node/archive/archiveService';
import type { ArchiveLink } from '../services/archiveLink';
import { ARCHIVE_STATUS_COMMAND } from '../views/archiveStatusItem';
import type { Command } from './command';

/**
 * Briefing: Archive Status — what the archive is doing, with Reconnect,
 * Password and Settings at hand. Returns the status; with `{ silent: true }`
 * (for scripts and tests) only returns it.
 */
export class ArchiveStatusCommand implements Command {
  readonly id = ARCHIVE_STATUS_COMMAND;

  constructor(private readonly link: ArchiveLink) {}

  async execute(arg?: unknown): Promise<ArchiveStatus> {
    await this.link.ensure();
    const status = this.link.status;
    if ((arg as { silent?: unknown } | undefined)?.silent === true) return status;
    const message =
      status.state === 'off'
        ? 'No shared archive is set up. Put its postgres:// URL (without a password) in the setting briefing.archive.url.'
        : status.state === 'connected'
          ? `Connected to ${status.url}: ${status.passages.toLocaleString()} passages in ${status.collections.join(', ') || 'no collection you may read'}.`
          : status.state === 'connecting'
            ? `Connecting to ${status.url}…`
            : `Archive unreachable (${status.url}): ${status.reason}. Local search goes on.`;
    const actions = status.state === 'off' ? ['Open Settings'] : ['Reconnect', 'Enter Password', 'Open Settings'];
    const chosen = await vscode.window.showInformationMessage(`Briefing: ${message}`, ...actions);
    if (chosen === 'Reconnect') await this.link.reconnect();
    else if (chosen === 'Enter Password') await this.link.askPassword();
    else if (chosen === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'briefing.archive');
    return this.link.status;
  }
}
