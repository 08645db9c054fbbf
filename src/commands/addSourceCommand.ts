import * as path from 'node:path';
import * as vscode from 'vscode';
import { SOURCE_EXTENSIONS } from '../core/sources/fileContent';
import type { Command } from './command';

/**
 * Briefing: Add Folder or File to Sources — from the Explorer's context
 * menu, the active file, or a dialog. Paths inside the workspace are saved
 * relative to it, in the workspace settings; others absolute, in the user's.
 */
export class AddSourceCommand implements Command {
  readonly id = 'briefing.addSource';

  async execute(arg?: unknown): Promise<string | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.file(arg) : await this.ask();
    if (!uri) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const entry = folder ? path.relative(folder.uri.fsPath, uri.fsPath) || '.' : uri.fsPath;
    const config = vscode.workspace.getConfiguration('briefing');
    const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const inspected = config.inspect<string[]>('sources.include');
    const current = (folder ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
    if (!current.includes(entry)) await config.update('sources.include', [...current, entry], target);
    void vscode.window.setStatusBarMessage(`$(book) Briefing: added ${entry} to your sources`, 5000);
    return entry;
  }

  private async ask(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Add to Briefing sources',
      filters: { Sources: [...SOURCE_EXTENSIONS] },
      ...(active?.scheme === 'file' ? { defaultUri: vscode.Uri.file(path.dirname(active.fsPath)) } : {}),
    });
    return picked?.[0];
  }
}
