import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Command } from './command';
import { exportFileName } from './exportFileName';

/**
 * Briefing: Export Briefing as Markdown — the whole briefing, or a topic's,
 * opened as a new Markdown document beside the draft, every item footnoted,
 * unsaved, under the name Save suggests: `briefing-<topic>-<date>.md` in
 * the workspace folder.
 */
export class ExportBriefingCommand implements Command {
  readonly id = 'briefing.exportBriefing';

  constructor(private readonly library: Library) {}

  async execute(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    const requested = (arg as { topic?: unknown } | undefined)?.topic;
    const topic = typeof requested === 'string' ? requested : arg === undefined ? await this.askTopic() : undefined;
    if (topic === null) return undefined;
    const markdown = await this.library.briefingMarkdown(topic?.trim() || undefined);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const taken = await takenNames(folder);
    const name = exportFileName(titleOf(markdown), new Date(), (candidate) => taken.has(candidate));
    const uri = (folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`)).with({ scheme: 'untitled' });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const written = await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), markdown), { undoStopBefore: false, undoStopAfter: true });
    if (!written) throw new Error('the exported briefing could not be written into its new document.');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    return document;
  }

  /** The whole corpus, a listed topic, or one the user types; null when the user cancels. */
  private async askTopic(): Promise<string | undefined | null> {
    const home = await this.library.home();
    type Item = vscode.QuickPickItem & { topic?: string };
    const items: Item[] = [
      { label: '$(book) Everything the sources cover', description: 'the whole briefing' },
      ...home.topics.map((topic) => ({ label: topic.title, description: topic.description, topic: topic.id })),
    ];
    const picker = vscode.window.createQuickPick<Item>();
    picker.title = 'Briefing: Export Briefing as Markdown';
    picker.placeholder = 'Choose a topic, or type your own and press Enter';
    picker.items = items;
    return new Promise((resolve) => {
      let settled = false;
      picker.onDidAccept(() => {
        const chosen = picker.activeItems[0];
        settled = true;
        const typed = picker.value.trim();
        resolve(chosen && (!typed || chosen.label.toLowerCase().includes(typed.toLowerCase())) ? chosen.topic : typed || undefined);
        picker.hide();
      });
      picker.onDidHide(() => {
        if (!settled) resolve(null);
        picker.dispose();
      });
      picker.show();
    });
  }
}

/** The topic as the exported document's heading names it ("# Briefing: Ceasefire"), without Markdown escapes. */
function titleOf(markdown: string): string | undefined {
  const heading = /^# Briefing: (.+)$/m.exec(markdown)?.[1];
  return heading?.replace(/\\(.)/g, '$1').trim();
}

/** Names Save must not suggest: files in the folder, and documents open (an earlier export not saved yet). */
async function takenNames(folder: vscode.Uri | undefined): Promise<Set<string>> {
  const names = new Set(vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => document.uri.path.split('/').pop() ?? ''));
  if (folder) {
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch((): [string, vscode.FileType][] => []);
    for (const [name] of entries) names.add(name);
  }
  return names;
}
