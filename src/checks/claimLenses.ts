import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Log } from '../services/log';
import { settings } from '../services/settings';
import type { ClaimReport, DraftFinding } from '../worker/draftReport';
import type { CheckScope } from './checkScope';
import { isProblem, type DraftChecker } from './draftChecker';
import { fixCommand } from './fixLinks';

const DEBOUNCE_MS = 500;

/**
 * Above each sentence of the paragraph at the cursor: how many sources
 * support it (and whether a single outlet is all the support), with one
 * click to cite the best passage at the end of the sentence. A sentence
 * whose figure or quote a source contradicts is never said to be supported:
 * its lens says what differs, and one click corrects it. Never in a source,
 * never on a line with no words (an empty `>` line of a block quote), never
 * on a heading or a quote's attribution line.
 */
export class ClaimLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly library: Library,
    private readonly checker: DraftChecker,
    private readonly scope: CheckScope,
    private readonly log: Log,
  ) {
    const refresh = (document: vscode.TextDocument): void => {
      if (!settings.claimLensesEnabled() || !this.scope.applies(document)) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), DEBOUNCE_MS);
    };
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((event) => refresh(event.textEditor.document)),
      // A new check (a figure corrected, a quote fixed) changes what the lenses say.
      checker.onDidCheck((document) => {
        if (document === vscode.window.activeTextEditor?.document) refresh(document);
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const editor = vscode.window.activeTextEditor;
    if (!settings.claimLensesEnabled() || !this.scope.applies(document) || editor?.document !== document) return [];
    const offset = document.offsetAt(editor.selection.active);
    const text = document.getText();
    const version = document.version;
    const failed = (what: string) => (error: unknown): never[] => {
      this.log.error(what, error);
      return [];
    };
    const [claims, findings] = await Promise.all([
      this.library.claims(text, offset, document.uri.toString()).catch(failed('Could not weigh the sources for the paragraph at the cursor')),
      this.checker.current(document).catch(failed('Could not check the paragraph at the cursor')),
    ]);
    // Typing went on meanwhile: these offsets are stale, and VS Code asks again.
    if (document.version !== version) return [];
    return claims.flatMap((claim) => {
      const at = firstWord(text, claim.span.start, claim.span.end);
      if (at === undefined) return [];
      const line = document.lineAt(document.positionAt(at).line).text;
      // Headings are titles, and a block quote's attribution line names its source: neither is a claim.
      if (/^\s*(#|\\(sub)*section\{)/.test(line) || /^\s*>\s*(—|–|--)\s/.test(line)) return [];
      const range = new vscode.Range(document.positionAt(at), document.positionAt(at));
      const problem = findings.find((finding) => isProblem(finding) && finding.span.start >= claim.span.start && finding.span.end <= claim.span.end);
      return problem ? differenceLens(range, problem, document) : supportLens(range, claim, document);
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

/** Where the sentence's first letter or digit is; undefined for a sentence of markup only (">", "—"). */
function firstWord(text: string, start: number, end: number): number | undefined {
  const match = /[\p{L}\p{N}]/u.exec(text.slice(start, end));
  return match ? start + match.index : undefined;
}

function supportLens(range: vscode.Range, claim: ClaimReport, document: vscode.TextDocument): vscode.CodeLens {
  if (!claim.best || claim.documents === 0) return new vscode.CodeLens(range, { title: 'no support found in your sources', command: '' });
  const sources = shortList(claim.outlets);
  const title = claim.singleOutlet ? `only ${sources} supports this · cite` : `${claim.documents} sources support this (${sources}) · cite`;
  return new vscode.CodeLens(range, {
    title,
    tooltip: `“${claim.best.quote}” — ${claim.best.source}`,
    command: 'briefing.insertCitation',
    // The offset holds for this version of this draft only: the command refuses it once the text changed.
    arguments: [{ passageId: claim.best.passageId, at: claim.span.end, uri: document.uri.toString(), version: document.version }],
  });
}

/** What a source says instead of the sentence's figure or quote, with the correction (or the source) one click away. */
function differenceLens(range: vscode.Range, finding: DraftFinding, document: vscode.TextDocument): vscode.CodeLens {
  const source = cut(finding.correction?.cite?.source ?? finding.sources[0]?.source ?? 'the sources');
  const fix = finding.correction;
  let title: string;
  if (finding.kind !== 'quote') title = fix ? `${source} gives ${fix.to}, not ${fix.from} · replace` : `${source} gives another ${finding.kind} · open`;
  else if (finding.status === 'misattributed') title = fix ? `${source} quotes ${fix.to}, not ${fix.from} · attribute` : `${source} gives these words to someone else · open`;
  else title = `not word for word in ${source} · open`;
  const command = fixCommand(finding, document, title) ?? {
    title,
    command: finding.sources[0] ? 'briefing.openSource' : '',
    arguments: finding.sources[0] ? [{ passageId: finding.sources[0].passageId }] : [],
  };
  return new vscode.CodeLens(range, { ...command, title, tooltip: fix?.title ?? finding.message });
}

/** Source names for a lens: at most two, each cut short, then "+N". */
function shortList(names: readonly string[]): string {
  const shown = names.slice(0, 2).map(cut).join(', ');
  return names.length > 2 ? `${shown} +${names.length - 2}` : shown;
}

function cut(name: string): string {
  return name.length <= 28 ? name : `${name.slice(0, 27).trimEnd()}…`;
}
