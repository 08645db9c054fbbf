import * as vscode from 'vscode';
import type { DraftInserter } from '../editor/draftInserter';
import { passageIdArg, type Command } from './command';
import { styleArg } from './insertCitationCommand';
import type { PassagePicker } from './passagePicker';

/** Briefing: Copy Citation… — to the clipboard, for writing outside VS Code. */
export class CopyCitationCommand implements Command {
  readonly id = 'briefing.copyCitation';

  constructor(
    private readonly inserter: DraftInserter,
    private readonly picker: PassagePicker,
  ) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const passageId = passageIdArg(arg);
    if (!passageId) {
      await this.picker.show({ action: 'copyCitation', title: 'Briefing: Copy Citation' });
      return undefined;
    }
    const text = await this.inserter.copyCitation(passageId, styleArg(arg).style);
    void vscode.window.setStatusBarMessage(`$(copy) Copied citation`, 4000);
    return text;
  }
}
