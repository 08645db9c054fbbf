import * as vscode from 'vscode';
import { settings } from '../services/settings';
import { uniqueSources } from './checkHovers';
import { isProblem, type DraftChecker } from './draftChecker';

/**
 * Quick fixes on checked figures and quotes: cite the source that states
 * them (the citation goes at the end of the sentence), or open the source
 * sentence a differing figure or quote should be compared with.
 */
export class CheckCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: DraftChecker) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!settings.checksEnabledFor(document.languageId)) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const actions: vscode.CodeAction[] = [];
    for (const finding of this.checker.findingsOf(document)) {
      if (finding.span.end < start || finding.span.start > end) continue;
      const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.code === `${finding.kind}-${finding.status}`);
      for (const ref of uniqueSources(finding.sources).slice(0, 3)) {
        const problem = isProblem(finding);
        const action = new vscode.CodeAction(
          problem ? `Open what ${ref.source} says` : `Cite ${ref.source} for this ${finding.kind}`,
          vscode.CodeActionKind.QuickFix,
        );
        action.command = problem
          ? { command: 'briefing.openSource', title: action.title, arguments: [{ passageId: ref.passageId }] }
          : {
              command: 'briefing.insertCitation',
              title: action.title,
              arguments: [{ passageId: ref.passageId, at: finding.citeAt, uri: document.uri.toString(), version: document.version }],
            };
        if (diagnostics.length > 0) action.diagnostics = diagnostics;
        action.isPreferred = !problem && actions.length === 0;
        actions.push(action);
      }
    }
    return actions;
  }
}
