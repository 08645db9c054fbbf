import * as vscode from 'vscode';
import type { CheckScope } from './checkScope';
import { uniqueSources } from './checkHovers';
import { contradictingDocs, isProblem, type DraftChecker } from './draftChecker';
import { fixCommand } from './fixLinks';

/**
 * Quick fixes on checked figures and quotes. What the sources support is
 * cited (at the end of its sentence). What they contradict is corrected:
 * the source's figure replaces the draft's and is cited, a misattributed
 * quote goes to the speaker the sources give; a source that contradicts a
 * sentence is never offered as its citation, only opened to compare.
 */
export class CheckCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly checker: DraftChecker,
    private readonly scope: CheckScope,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.scope.applies(document)) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const actions: vscode.CodeAction[] = [];
    const findings = this.checker.findingsOf(document);
    for (const finding of findings) {
      if (finding.span.end < start || finding.span.start > end) continue;
      const contradicting = contradictingDocs(findings, finding);
      const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.code === `${finding.kind}-${finding.status}`);
      const action = (title: string, command: vscode.Command, preferred: boolean): void => {
        const created = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        created.command = command;
        created.isPreferred = preferred;
        if (diagnostics.length > 0) created.diagnostics = diagnostics;
        actions.push(created);
      };
      const problem = isProblem(finding);
      const fix = fixCommand(finding, document);
      if (fix) action(fix.title, fix, true);
      for (const [index, ref] of uniqueSources(finding.sources).slice(0, 3).entries()) {
        if (problem) {
          action(`Open what ${ref.source} says`, { command: 'briefing.openSource', title: '', arguments: [{ passageId: ref.passageId }] }, false);
        } else if (!contradicting.has(ref.meta.id)) {
          const title = `Cite ${ref.source} for this ${finding.kind}`;
          const at = { at: finding.citeAt, uri: document.uri.toString(), version: document.version };
          action(title, { command: 'briefing.insertCitation', title, arguments: [{ passageId: ref.passageId, ...at }] }, index === 0);
        }
      }
    }
    return actions;
  }
}
