import * as vscode from 'vscode';
import type { DraftInserter, InsertionResult } from '../editor/draftInserter';
import type { FindingCorrection } from '../worker/draftReport';
import type { Command } from './command';

/** What a quick fix, hover link or lens passes: the correction, and the draft version it was made for. */
interface FixArg {
  readonly uri: string;
  readonly version: number;
  readonly correction: FindingCorrection;
  /** Where the citation goes (the end of the finding's sentence). */
  readonly citeAt: number;
}

/**
 * Briefing: apply a check's correction (internal: quick fixes, hover links
 * and lenses run it) — the source's figure in place of the draft's and its
 * citation, or the speaker the sources give, in one undo step, and only to
 * the draft version the check read.
 */
export class ApplyFixCommand implements Command {
  readonly id = 'briefing.applyFix';

  constructor(private readonly inserter: DraftInserter) {}

  async execute(arg?: unknown): Promise<InsertionResult> {
    const { uri, version, correction: fix, citeAt } = parseFixArg(arg);
    if (fix.cite) return this.inserter.insertCitation(fix.cite.passageId, { at: { offset: citeAt, uri, version }, replace: fix.edit });
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
    if (!document || document.isClosed) return refuse('The checked draft is no longer open.');
    if (document.version !== version) return refuse('The draft changed since the check; try again.');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(fix.edit.start), document.positionAt(fix.edit.end)), fix.edit.text);
    return (await vscode.workspace.applyEdit(edit)) ? { inserted: true } : refuse('The editor did not accept the change.');
  }
}

function refuse(problem: string): InsertionResult {
  void vscode.window.showWarningMessage(`Briefing could not apply the fix: ${problem}`);
  return { inserted: false, problem };
}

/** Checks the argument's shape: it comes from a command link, so it is data to validate, not to trust. */
function parseFixArg(arg: unknown): FixArg {
  const candidate = (arg ?? {}) as Partial<FixArg>;
  const offset = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  const fix = candidate.correction;
  const edit = fix?.edit;
  const valid =
    typeof candidate.uri === 'string' &&
    offset(candidate.version) &&
    offset(candidate.citeAt) &&
    typeof fix?.title === 'string' &&
    edit !== undefined &&
    offset(edit.start) &&
    offset(edit.end) &&
    edit.start <= edit.end &&
    typeof edit.text === 'string' &&
    (fix.cite === undefined || typeof fix.cite.passageId === 'string');
  if (!valid) throw new Error('A fix needs the draft’s uri and version, the edit and where to cite.');
  return candidate as FixArg;
}
