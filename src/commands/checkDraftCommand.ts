import * as vscode from 'vscode';
import type { DraftChecker } from '../checks/draftChecker';
import { isProblem } from '../checks/draftChecker';
import type { DraftFinding } from '../worker/draftReport';
import type { Command } from './command';

/** Briefing: Check Figures and Quotes Against the Sources — now, for the active draft. */
export class CheckDraftCommand implements Command {
  readonly id = 'briefing.checkDraft';

  constructor(private readonly checker: DraftChecker) {}

  async execute(): Promise<readonly DraftFinding[] | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Briefing: open a draft to check its figures and quotes.');
      return undefined;
    }
    const findings = await this.checker.check(document);
    const problems = findings.filter(isProblem).length;
    const sourced = findings.length - problems;
    void vscode.window.setStatusBarMessage(
      problems > 0 ? `$(warning) Briefing: ${problems} figure(s) or quote(s) differ from the sources; ${sourced} match` : `$(check) Briefing: ${sourced} figure(s) and quote(s) match the sources`,
      6000,
    );
    return findings;
  }
}
