import * as vscode from 'vscode';
import { SourceViewer } from '../editor/sourceViewer';
import type { Library } from '../services/library';
import type { SourceRef } from '../worker/draftReport';

/** Where a source sentence is, as a VS Code location (for related information and links). */
export class SourceLocations {
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(private readonly library: Library) {
    library.onDidChange(() => this.texts.clear());
  }

  async locationOf(ref: SourceRef): Promise<vscode.Location> {
    const uri = SourceViewer.uriOf(ref.meta);
    const text = await this.textOf(ref.meta.id);
    if (text === undefined) return new vscode.Location(uri, new vscode.Position(0, 0));
    return new vscode.Location(uri, new vscode.Range(positionAt(text, ref.fileSpan.start), positionAt(text, ref.fileSpan.end)));
  }

  private textOf(docId: string): Promise<string | undefined> {
    let text = this.texts.get(docId);
    if (!text) {
      text = this.library.rawText(docId).catch(() => undefined);
      this.texts.set(docId, text);
    }
    return text;
  }
}

function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
