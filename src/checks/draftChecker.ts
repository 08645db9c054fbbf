import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Log } from '../services/log';
import { settings } from '../services/settings';
import { isProblem, type DraftFinding } from '../worker/draftFinding';
import type { CheckScope } from './checkScope';
import type { SourceLocations } from './sourceLocations';

const DEBOUNCE_MS = 600;

/**
 * Checks the figures and quotes of visible prose documents against the
 * sources, debounced, in the index worker. A figure that differs from the
 * sources, or a quote not found word for word (or given to someone else),
 * becomes a warning with both citations; what agrees stays quiet and only
 * offers a hover and a quick fix. Never edits the text.
 */
export class DraftChecker implements vscode.Disposable {
  static readonly source = 'Briefing';
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('briefing');
  private readonly findings = new Map<string, { version: number; generation: number; findings: readonly DraftFinding[] }>();
  /** Counts changes of the sources and settings: a check made before one is not reused after it. */
  private generation = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Checks under way, by document: the lenses and the typing debounce share one per version instead of checking twice. */
  private readonly running = new Map<string, { version: number; generation: number; findings: Promise<readonly DraftFinding[]> }>();
  private readonly disposables: vscode.Disposable[];
  private readonly checked = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when a document's findings are new (the lenses above its sentences follow). */
  readonly onDidCheck = this.checked.event;

  constructor(
    private readonly library: Library,
    private readonly scope: CheckScope,
    private readonly locations: SourceLocations,
    private readonly log: Log,
  ) {
    this.disposables = [
      this.diagnostics,
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.schedule(editor.document))),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('briefing.checks')) this.recheckVisible();
      }),
      scope.onDidChange(() => this.recheckVisible()),
    ];
    // Briefing activates when a draft in a checked language opens: the drafts already open are checked at once,
    // off the activation path (the check loads the sources in the worker on its first call).
    const opening = setTimeout(() => {
      for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document, 0);
    }, 0);
    this.disposables.push({ dispose: () => clearTimeout(opening) });
  }

  /** The findings of a document as last checked (empty while a check is pending). */
  findingsOf(document: vscode.TextDocument): readonly DraftFinding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** The findings of the document as it is now: the last check's, or a new check's when the text changed since. */
  async current(document: vscode.TextDocument): Promise<readonly DraftFinding[]> {
    const entry = this.findings.get(document.uri.toString());
    if (entry && entry.version === document.version && entry.generation === this.generation) return entry.findings;
    const running = this.running.get(document.uri.toString());
    return running && running.version === document.version && running.generation === this.generation ? running.findings : this.check(document);
  }

  /** Checks a document now; resolves with its findings. */
  check(document: vscode.TextDocument): Promise<readonly DraftFinding[]> {
    const key = document.uri.toString();
    // A check now makes the one scheduled for this text needless.
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const findings = this.checkNow(document);
    this.running.set(key, { version: document.version, generation: this.generation, findings });
    const settled = (): void => {
      if (this.running.get(key)?.findings === findings) this.running.delete(key);
    };
    findings.then(settled, settled);
    return findings;
  }

  private async checkNow(document: vscode.TextDocument): Promise<readonly DraftFinding[]> {
    if (!this.scope.applies(document) || document.isClosed) {
      this.forget(document);
      return [];
    }
    const version = document.version;
    const generation = this.generation;
    // Keyed by document: a newer check of it replaces one still waiting in the worker's queue.
    const findings = await this.library.checkDraft(document.getText(), { unsourcedQuoteSeverity: settings.unsourcedQuoteSeverity() }, document.uri.toString());
    if (document.isClosed || document.version !== version) return findings;
    this.findings.set(document.uri.toString(), { version, generation, findings });
    this.diagnostics.set(document.uri, await Promise.all(findings.filter(isDiagnostic).map((finding) => this.diagnosticOf(document, finding))));
    this.checked.fire(document);
    return findings;
  }

  private schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (!this.scope.applies(document) || !vscode.window.visibleTextEditors.some((editor) => editor.document === document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.current(document).catch((error: unknown) => this.log.error(`Could not check ${document.fileName}`, error));
      }, delay),
    );
  }

  private recheckVisible(): void {
    this.generation++;
    for (const [uri] of this.findings) {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
      if (!document || !this.scope.applies(document)) {
        this.findings.delete(uri);
        this.diagnostics.delete(vscode.Uri.parse(uri));
      }
    }
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document);
  }

  private async diagnosticOf(document: vscode.TextDocument, finding: DraftFinding): Promise<vscode.Diagnostic> {
    const range = new vscode.Range(document.positionAt(finding.span.start), document.positionAt(finding.span.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[finding.severity]);
    diagnostic.source = DraftChecker.source;
    diagnostic.code = `${finding.kind}-${finding.status}`;
    diagnostic.relatedInformation = await Promise.all(
      finding.sources.slice(0, 5).map(async (ref) => new vscode.DiagnosticRelatedInformation(await this.locations.locationOf(ref), `${ref.source}: “${ref.quote}”`)),
    );
    return diagnostic;
  }

  private forget(document: vscode.TextDocument): void {
    this.findings.delete(document.uri.toString());
    this.diagnostics.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
    this.checked.dispose();
  }
}

export { isProblem };

/** Findings shown as diagnostics: everything but what the sources confirm (that is a hover and a quick fix). */
function isDiagnostic(finding: DraftFinding): boolean {
  return finding.status !== 'supported' && finding.status !== 'verbatim';
}

/**
 * The sources that contradict something else in a finding's sentence (another figure, a quote): they are
 * never offered to cite for that sentence, even for what they do support in it.
 */
export function contradictingDocs(findings: readonly DraftFinding[], finding: DraftFinding): Set<string> {
  const sameSentence = findings.filter((other) => other !== finding && other.citeAt === finding.citeAt && isProblem(other));
  return new Set(sameSentence.flatMap((other) => other.sources.map((ref) => ref.meta.id)));
}

const SEVERITIES: Readonly<Record<DraftFinding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
