import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Log } from '../services/log';
import { settings } from '../services/settings';
import { isProblem, type DraftFinding } from '../worker/draftFinding';
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
  private readonly findings = new Map<string, { version: number; findings: readonly DraftFinding[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly library: Library,
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
      library.onDidChange(() => this.recheckVisible()),
    ];
    // Nothing is checked at construction: that would load the whole library at every activation.
    // Checks follow what the user does (typing, switching editors, settings) or `briefing.checkDraft`.
  }

  /** The findings of a document as last checked (empty while a check is pending). */
  findingsOf(document: vscode.TextDocument): readonly DraftFinding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** Checks a document now; resolves with its findings. */
  async check(document: vscode.TextDocument): Promise<readonly DraftFinding[]> {
    if (!settings.checksEnabledFor(document.languageId) || document.isClosed) {
      this.forget(document);
      return [];
    }
    const version = document.version;
    // Keyed by document: a newer check of it replaces one still waiting in the worker's queue.
    const findings = await this.library.checkDraft(document.getText(), { unsourcedQuoteSeverity: settings.unsourcedQuoteSeverity() }, document.uri.toString());
    if (document.isClosed || document.version !== version) return findings;
    this.findings.set(document.uri.toString(), { version, findings });
    this.diagnostics.set(document.uri, await Promise.all(findings.filter(isDiagnostic).map((finding) => this.diagnosticOf(document, finding))));
    return findings;
  }

  private schedule(document: vscode.TextDocument): void {
    if (!settings.checksEnabledFor(document.languageId) || !vscode.window.visibleTextEditors.some((editor) => editor.document === document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(document).catch((error: unknown) => this.log.error(`Could not check ${document.fileName}`, error));
      }, DEBOUNCE_MS),
    );
  }

  private recheckVisible(): void {
    for (const [uri] of this.findings) {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
      if (!document || !settings.checksEnabledFor(document.languageId)) {
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
  }
}

export { isProblem };

/** Findings shown as diagnostics: everything but what the sources confirm (that is a hover and a quick fix). */
function isDiagnostic(finding: DraftFinding): boolean {
  return finding.status !== 'supported' && finding.status !== 'verbatim';
}

const SEVERITIES: Readonly<Record<DraftFinding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
