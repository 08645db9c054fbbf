import * as vscode from 'vscode';
import type { SourceMeta, Span } from '../core/model';
import type { Library } from '../services/library';

/** The scheme of Briefing's read-only views of source documents. */
export const SOURCE_SCHEME = 'briefing-source';

/**
 * Shows a source document exactly as its file has it, read-only, with a
 * passage revealed and highlighted.
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

  constructor(private readonly library: Library) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, this);
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
  async show(meta: SourceMeta, span?: Span): Promise<vscode.TextEditor> {
    const uri = meta.origin === 'user' ? vscode.Uri.file(meta.file) : SourceViewer.uriFor(meta.id, meta.title);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: false,
      preview: true,
    });
    if (span) {
      const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      editor.setDecorations(this.highlight, [range]);
    } else {
      editor.setDecorations(this.highlight, []);
    }
    return editor;
  }

  dispose(): void {
    this.registration.dispose();
    this.highlight.dispose();
  }
}
