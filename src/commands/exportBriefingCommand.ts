import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Command } from './command';

/**
 * Briefing: Export Briefing as Markdown — the whole briefing, or a topic's,
 * opened as a new Markdown document beside the draft, every item footnoted.
 */
export class ExportBriefingCommand implements Command {
  readonly id = 'briefing.exportBriefing';

  constructor(private readonly library: Library) {}

  async execute(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    const requested = (arg as { topic?: unknown } | undefined)?.topic;
    const topic = typeof requested === 'string' ? requested : arg === undefined ? await this.askTopic() : undefined;
    if (topic === null) return undefined;
    const markdown = await this.library.briefingMarkdown(topic?.trim() || undefined);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
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
