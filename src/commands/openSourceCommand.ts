import * as vscode from 'vscode';
import { pageLabel } from '../core/cite/locator';
import type { SourceViewer } from '../editor/sourceViewer';
import type { Library } from '../services/library';
import { passageIdArg, type Command } from './command';
import { escapeIcons, oneLine } from './quickPickText';

interface SourceItem extends vscode.QuickPickItem {
  readonly docId: string;
  readonly passageId?: string;
}

/**
 * Briefing: Open Document or Section… — the original text, with the
 * passage revealed and highlighted (bundled sources read-only, the user's
 * own files as themselves). Without an argument, picks a document and then
 * a section or passage of it.
 */
export class OpenSourceCommand implements Command {
  readonly id = 'briefing.openSource';

  constructor(
    private readonly library: Library,
    private readonly viewer: SourceViewer,
  ) {}

  async execute(arg?: unknown): Promise<vscode.Uri | undefined> {
    const passageId = passageIdArg(arg);
    if (passageId) return this.openPassage(passageId);
    const docId = (arg as { docId?: unknown } | undefined)?.docId;
    if (typeof docId === 'string') return this.pickInDocument(docId);
    const documents = await this.library.documents();
    const picked = await vscode.window.showQuickPick<SourceItem>(
      documents.map(({ meta, passages }) => ({
        label: escapeIcons(meta.title),
        description: escapeIcons([meta.author && `by ${meta.author}`, meta.outlet, meta.date.label].filter(Boolean).join(' · ')),
        detail: `${meta.origin === 'user' ? 'your source' : meta.kind} · ${passages} passages`,
        docId: meta.id,
      })),
      { title: 'Briefing: Open Document or Section', placeHolder: 'Choose a source document', matchOnDescription: true },
    );
    return picked ? this.pickInDocument(picked.docId) : undefined;
  }

  async openPassage(passageId: string): Promise<vscode.Uri> {
    const { passage, meta } = await this.library.citable(passageId);
    const editor = await this.viewer.show(meta, passage.headingSpan ? { start: passage.headingSpan.start, end: passage.span.end } : passage.span, pageLabel(passage));
    return editor.document.uri;
  }

  /** Picks a section or passage of one document; the first entry opens it whole. */
  async pickInDocument(docId: string): Promise<vscode.Uri | undefined> {
    const document = await this.library.document(docId);
    if (!document) throw new Error(`Briefing has no document "${docId.slice(0, 120)}".`);
    const items: SourceItem[] = [{ label: '$(file-text) Whole document', description: escapeIcons(document.meta.title), docId }];
    let section: string | undefined;
    for (const passage of document.passages) {
      if (passage.section !== section && passage.section) {
        section = passage.section;
        items.push({ label: section, kind: vscode.QuickPickItemKind.Separator, docId });
      }
      const label = passage.kind === 'question-answer' && passage.heading ? `$(question) ${escapeIcons(passage.heading)}` : oneLine(passage.text, 90);
      items.push({ label, ...(passage.kind === 'paragraph' ? {} : { description: passage.kind }), docId, passageId: passage.id });
    }
    const picked = await vscode.window.showQuickPick(items, { title: document.meta.title, placeHolder: 'Choose a section or passage', matchOnDescription: true });
    if (!picked) return undefined;
    if (picked.passageId) return this.openPassage(picked.passageId);
    return (await this.viewer.show(document.meta)).document.uri;
  }
}
