import type * as vscode from 'vscode';
import type { DraftFinding } from '../worker/draftReport';

/** The command that applies a finding's correction to this version of the draft (see ApplyFixCommand). */
export function fixCommand(finding: DraftFinding, document: vscode.TextDocument, title = finding.fix?.title ?? ''): vscode.Command | undefined {
  if (!finding.fix) return undefined;
  return {
    command: 'briefing.applyFix',
    title,
    arguments: [{ uri: document.uri.toString(), version: document.version, fix: finding.fix, citeAt: finding.citeAt }],
  };
}

/** A `command:` link for a trusted hover. */
export function commandLink(command: string, arg: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
}
