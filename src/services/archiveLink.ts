/**
 * The editor's side of the shared archive: reads `briefing.archive.url`,
 * keeps the password in VS Code's secret storage (asked for once, when
 * the server wants one; never written to settings or logs), tells the
 * index worker which archive to use, and follows its status for the
 * status bar. Connecting waits for the first search that needs it.
 */
import * as vscode from 'vscode';
import { parseArchiveUrl, redactUrl } from '../core/archive/archiveUrl';
import type { SearchHit } from '../core/search/searchIndex';
import type { ArchiveStatus } from '../node/archive/archiveService';
import type { Library } from './library';
import type { Log } from './log';
import { settings } from './settings';

const SECRET_PREFIX = 'briefing.archive.password:';

export class ArchiveLink implements vscode.Disposable {
  private current: ArchiveStatus = { state: 'off' };
  private configuring: Promise<void> | undefined;
  /** URLs whose password the writer was already asked for in this session (a dismissed prompt is not repeated). */
  private readonly asked = new Set<string>();
  private readonly changed = new vscode.EventEmitter<ArchiveStatus>();
  readonly onDidChangeStatus = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly library: Library,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
  ) {
    this.disposables = [
      library.onDidChangeArchiveStatus((status) => this.update(status)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('briefing.archive')) void this.reconfigure();
      }),
    ];
  }

  get status(): ArchiveStatus {
    return this.current;
  }

  /** True when a URL is set: searches then ask the archive too. */
  get enabled(): boolean {
    return settings.archiveUrl() !== '';
  }

  /** Connects on first use, with the setting's URL and the stored password. */
  ensure(): Promise<void> {
    this.configuring ??= this.configure().catch((error: unknown) => this.log.error('Could not set up the archive', error));
    return this.configuring;
  }

  /** The archive's hits for a query; none when it is off or unavailable (the status bar says why). */
  async search(query: string, limit: number, preferredDocIds: readonly string[]): Promise<SearchHit[]> {
    if (!this.enabled) return [];
    await this.ensure();
    const answer = await this.library.archiveSearch(query, limit, preferredDocIds);
    return 'value' in answer ? answer.value : [];
  }

  /** Asks for the archive's password and stores it in the secret storage; true when one was given. */
  async askPassword(): Promise<boolean> {
    const address = parseArchiveUrl(settings.archiveUrl());
    if ('problem' in address) {
      void vscode.window.showErrorMessage(`Briefing: ${address.problem} (setting briefing.archive.url).`);
      return false;
    }
    this.asked.add(address.url);
    const password = await vscode.window.showInputBox({
      title: 'Briefing: Archive Password',
      prompt: `Password for ${address.user ?? 'your user'} on ${address.host}${address.database ? `/${address.database}` : ''}. It is kept in VS Code's secret storage, not in your settings.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (password === undefined) return false;
    await this.secrets.store(SECRET_PREFIX + address.url, password);
    await this.reconfigure();
    return true;
  }

  /** Forgets the stored password for the current URL. */
  async forgetPassword(): Promise<void> {
    const address = parseArchiveUrl(settings.archiveUrl());
    if (!('problem' in address)) await this.secrets.delete(SECRET_PREFIX + address.url);
  }

  async reconnect(): Promise<void> {
    if (!this.configuring) return this.ensure();
    this.update(await this.library.reconnectArchive());
  }

  /** Applies a changed setting now. */
  reconfigure(): Promise<void> {
    this.configuring = undefined;
    return this.ensure();
  }

  private async configure(): Promise<void> {
    const text = settings.archiveUrl();
    if (!text) {
      if (this.current.state !== 'off') this.update(await this.library.useArchive(null));
      return;
    }
    const address = parseArchiveUrl(text);
    if ('problem' in address) {
      this.update({ state: 'unreachable', url: redactUrl(text), reason: `${address.problem} (setting briefing.archive.url)` });
      return;
    }
    if (address.hadPassword) {
      // Never use (or echo) a password typed into settings: they sync and sit in plain text.
      this.update({ state: 'unreachable', url: address.url, reason: 'the URL in briefing.archive.url contains a password: remove it; Briefing asks for it once and keeps it in secret storage' });
      return;
    }
    const password = await this.secrets.get(SECRET_PREFIX + address.url);
    this.update({ state: 'connecting', url: address.url });
    this.update(await this.library.useArchive({ url: address.url, ...(password === undefined ? {} : { password }) }));
  }

  private update(status: ArchiveStatus): void {
    const before = this.current;
    this.current = status;
    if (status.state !== before.state || ('reason' in status && 'reason' in before && status.reason !== before.reason)) {
      if (status.state === 'connected') this.log.info(`Connected to the archive ${status.url}: ${status.passages.toLocaleString()} passages in ${status.collections.join(', ') || 'no collection you may read'}.`);
      else if (status.state === 'unreachable') this.log.warn(`Archive unreachable (${status.url}): ${status.reason}. Local search goes on.`);
      else if (status.state === 'needs-password') this.log.warn(`The archive ${status.url} needs a password: ${status.reason}.`);
    }
    this.changed.fire(status);
    if (status.state === 'needs-password' && !this.asked.has(status.url)) void this.askPassword();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}
