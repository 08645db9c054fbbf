import * as vscode from 'vscode';
import type { Command } from './command';

/** Briefing: Show Panel — reveals the Briefing view in its activity-bar container. */
export class ShowPanelCommand implements Command {
  readonly id = 'briefing.showPanel';

  async execute(): Promise<void> {
    await vscode.commands.executeCommand('briefing.panel.focus');
  }
}
