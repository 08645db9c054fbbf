import * as vscode from 'vscode';
import type { SourceMeta, Span } from '../core/model';
import { isBinaryFormat } from '../core/sources/fileContent';
import type { Library } from '../services/library';

/** The scheme of Briefing's read-only views of source documents. */
export const SOURCE_SCHEME = 'briefing-source';

/**
 * Shows a source document exactly as its file has it, read-only, with a
 * passage revealed and highlighted. A PDF or Word file, which an editor
 * cannot show, is shown as the text Briefing read from it (a PDF with a
 * marker at each page), read-only.
 */
export class SourceViewer implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchHighlightBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly registration: vscode.Disposable;
  /** The user's own files opened as sources, until the user edits one (then it is a draft like any other). */
  private readonly shownFiles = new Set<string>();
  private readonly watching: vscode.Disposable[];

  constructor(private readonly library: Library) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, this);
    this.watching = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.shownFiles.delete(event.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.shownFiles.delete(document.uri.toString())),
    ];
  }

  /** True for a document Briefing opened to show a source: never a target for citations. */
  isSourceView(document: vscode.TextDocument): boolean {
    return document.uri.scheme === SOURCE_SCHEME || this.shownFiles.has(document.uri.toString());
  }

  /** `briefing-source:/<docId>/<title>.txt`: the title names the tab. */
  static uriFor(docId: string, title: string): vscode.Uri {
    const fileName = title.replace(/[\\/:*?"<>|#%]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || docId;
    return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${docId}/${fileName}.txt` });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const docId = uri.path.split('/')[1] ?? '';
    const raw = await this.library.rawText(docId);
    return raw ?? `Briefing has no source document "${docId}".`;
  }

  /**
   * Opens a document beside the draft, with `span` (if given) selected,
   * revealed and highlighted: a bundled source read-only, a user's own file as itself.
   */
  /** Where a source opens: a user's text file as itself; a bundled source, a PDF or a Word file as Briefing's read-only view. */
  static uriOf(meta: SourceMeta): vscode.Uri {
    return meta.origin === 'user' && !isBinaryFormat(meta.format) ? vscode.Uri.file(meta.file) : SourceViewer.uriFor(meta.id, meta.title);
  }

  async show(meta: SourceMeta, span?: Span, where?: string): Promise<vscode.TextEditor> {
    const asFile = meta.origin === 'user' && !isBinaryFormat(meta.format);
    const uri = SourceViewer.uriOf(meta);
    const alreadyOpen = vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri.toString());
    // A user's file that was already open (perhaps being written in) stays a possible draft.
    if (asFile && !alreadyOpen) this.shownFiles.add(uri.toString());
    const document = await vscode.workspace.openTextDocument(uri);
    // Sources share one column: where this one already shows, else where another source shows, else beside the draft.
    const shownIn = (shows: (open: vscode.TextDocument) => boolean): vscode.ViewColumn | undefined =>
      vscode.window.visibleTextEditors.find((open) => shows(open.document))?.viewColumn;
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: shownIn((open) => open === document) ?? shownIn((open) => this.isSourceView(open)) ?? vscode.ViewColumn.Beside,
      preserveFocus: false,
      preview: true,
    });
    if (span) {
      const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      // The page, where the source has pages: beside the highlight, and in the status bar.
      editor.setDecorations(this.highlight, [{ range, ...(where ? { hoverMessage: `${meta.title}, ${where}` } : {}) }]);
      if (where) void vscode.window.setStatusBarMessage(`$(file-pdf) ${where} — ${meta.title}`, 8000);
    } else {
      editor.setDecorations(this.highlight, []);
    }
    return editor;
  }

  dispose(): void {
    for (const disposable of this.watching) disposable.dispose();
    this.registration.dispose();
    this.highlight.dispose();
  }
}
