import type * as vscode from 'vscode';
import type { DraftFinding } from '../worker/draftReport';

/** The command that applies a finding's correction to this version of the draft (see ApplyFixCommand). */
export function fixCommand(finding: DraftFinding, document: vscode.TextDocument, title = finding.correction?.title ?? ''): vscode.Command | undefined {
  if (!finding.correction) return undefined;
  return {
    command: 'briefing.applyFix',
    title,
    arguments: [{ uri: document.uri.toString(), version: document.version, correction: finding.correction, citeAt: finding.citeAt }],
  };
}

/** A `command:` link for a trusted hover. */
export function commandLink(command: string, arg: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
}
