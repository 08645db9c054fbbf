import * as vscode from 'vscode';
import type { Library } from './library';
import type { Log } from './log';
import { settings } from './settings';
import { deletionPatterns, watchPatterns } from './sourceRoots';

const BATCH_MS = 300;

/**
 * Watches the user's source folders and passes changes to the library in
 * batches, so a `git checkout` touching hundreds of files is one update.
 */
export class SourceWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private changed = new Set<string>();
  private deleted = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly library: Library,
    private readonly log: Log,
  ) {
    this.watch();
  }

  /** Starts watching what the settings name now. */
  watch(): void {
    this.disposeWatchers();
    for (const pattern of watchPatterns(settings.sourceEntries())) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate((uri) => this.queue(uri, 'changed'));
      watcher.onDidChange((uri) => this.queue(uri, 'changed'));
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted'));
      this.watchers.push(watcher);
    }
    for (const pattern of deletionPatterns(settings.sourceEntries())) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern, true, true, false);
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted'));
      this.watchers.push(watcher);
    }
  }

  private queue(uri: vscode.Uri, kind: 'changed' | 'deleted'): void {
    if (uri.scheme !== 'file') return;
    const file = uri.fsPath;
    if (kind === 'deleted') {
      this.changed.delete(file);
      this.deleted.add(file);
    } else {
      this.deleted.delete(file);
      this.changed.add(file);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush().catch((error: unknown) => this.log.error('Could not update the sources after files changed', error)), BATCH_MS);
  }

  /** Hands the batch to the library, which applies batches one after another. */
  private async flush(): Promise<void> {
    const changed = [...this.changed];
    const deleted = [...this.deleted];
    this.changed.clear();
    this.deleted.clear();
    await this.library.applyChanges(changed, deleted);
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposeWatchers();
  }
}
