import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Library } from '../services/library';
import { settings } from '../services/settings';
import { resolveSourceRoots } from '../services/sourceRoots';
import type { AddSourceCommand } from './addSourceCommand';
import type { Command } from './command';

/** What the command did, for its callers and tests: the clipping saved, or why not. */
export type ClipCommandResult =
  | { readonly path: string; readonly docId: string; readonly title: string; readonly passages: number }
  | { readonly problem: string };

/**
 * Briefing: Add Source from URL… — fetches a web page (through VS Code's
 * proxy settings), reads its article as a reader view does, saves it as a
 * Markdown clipping with front matter in the clippings folder
 * (`briefing.clippings.folder`) and indexes it. The fetching and reading
 * happen in the index worker; a failure is one line saying why.
 */
export class AddSourceFromUrlCommand implements Command {
  readonly id = 'briefing.addSourceFromUrl';

  constructor(
    private readonly library: Library,
    private readonly addSource: AddSourceCommand,
  ) {}

  async execute(arg?: unknown): Promise<ClipCommandResult | undefined> {
    const given = typeof arg === 'string' ? arg : typeof (arg as { url?: unknown } | undefined)?.url === 'string' ? (arg as { url: string }).url : undefined;
    const url = given ?? (await this.ask());
    if (!url) return undefined;
    const folder = settings.clippingsFolder();
    if (!folder) return this.fail('open a folder first, or set briefing.clippings.folder to an absolute path');
    const host = hostOf(url);
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Briefing: clipping ${host ?? 'the page'}…` },
      () => this.library.clip(url.trim(), folder, settings.proxy()),
    );
    if ('problem' in outcome) return this.fail(outcome.problem);
    // The clippings folder becomes one of the sources, so the clipping stays indexed and its edits are seen.
    if (!(await this.covered(folder))) await this.addSource.execute(vscode.Uri.file(folder));
    const relative = vscode.workspace.asRelativePath(outcome.path);
    void vscode.window.setStatusBarMessage(`$(book) Briefing: clipped “${outcome.title}” into ${relative}`, 8000);
    return { path: outcome.path, docId: outcome.docId, title: outcome.title, passages: outcome.passages };
  }

  private async ask(): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: 'Briefing: Add Source from URL',
      prompt: 'The address of a web page: its article is saved as a Markdown clipping and added to your sources',
      placeHolder: 'https://…',
      ignoreFocusOut: true,
      validateInput: (value) => (hostOf(value) ? undefined : 'Enter a web address starting with https:// or http://'),
    });
  }

  private fail(problem: string): ClipCommandResult {
    void vscode.window.showErrorMessage(`Briefing: could not clip the page: ${problem}.`);
    return { problem };
  }

  /** True when the folder already is, or sits inside, one of the user's sources. */
  private async covered(folder: string): Promise<boolean> {
    const { paths } = await resolveSourceRoots(settings.sourceEntries());
    const target = path.resolve(folder);
    return paths.some((root) => target === path.resolve(root) || target.startsWith(path.resolve(root) + path.sep));
  }
}

function hostOf(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}
