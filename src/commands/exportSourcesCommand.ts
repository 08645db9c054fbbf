import * as vscode from 'vscode';
import { EXPORT_EXTENSIONS, parseExportFormat, type ExportFormat } from '../core/cite/exportSources';
import type { Library } from '../services/library';
import type { Command } from './command';

const CHOICES: ReadonlyArray<vscode.QuickPickItem & { readonly format: ExportFormat }> = [
  { label: 'CSL JSON', description: '.json', detail: 'Zotero, Pandoc and Quarto (bibliography: sources.json)', format: 'csl-json' },
  { label: 'BibTeX', description: '.bib', detail: 'Zotero, JabRef, LaTeX with biblatex, Pandoc', format: 'bibtex' },
  { label: 'RIS', description: '.ris', detail: 'Zotero, EndNote, Mendeley', format: 'ris' },
];

/**
 * Briefing: Export Sources… — every source (bundled and the user's own) as
 * a CSL JSON, BibTeX or RIS file, to import into a reference manager or
 * name as a Pandoc bibliography. Returns the file written.
 */
export class ExportSourcesCommand implements Command {
  readonly id = 'briefing.exportSources';

  constructor(private readonly library: Library) {}

  async execute(arg?: unknown): Promise<vscode.Uri | undefined> {
    const given = arg as { format?: unknown; uri?: unknown } | undefined;
    let format = typeof given?.format === 'string' ? parseExportFormat(given.format) : undefined;
    if (given?.format !== undefined && !format) throw new Error(`Unknown export format ${JSON.stringify(given.format)}: use csl-json, bibtex or ris.`);
    if (!format) format = (await vscode.window.showQuickPick(CHOICES, { title: 'Briefing: Export Sources', placeHolder: 'Export the sources as…' }))?.format;
    if (!format) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = folder ? vscode.Uri.joinPath(folder, `sources.${EXPORT_EXTENSIONS[format]}`) : undefined;
    const uri =
      given?.uri instanceof vscode.Uri
        ? given.uri
        : typeof given?.uri === 'string'
          ? vscode.Uri.parse(given.uri)
          : await vscode.window.showSaveDialog({ title: 'Export Sources', saveLabel: 'Export', filters: { [CHOICES.find((choice) => choice.format === format)!.label]: [EXPORT_EXTENSIONS[format]] }, ...(suggested ? { defaultUri: suggested } : {}) });
    if (!uri) return undefined;
    const text = await this.library.exportSources(format);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    void vscode.window.setStatusBarMessage(`$(export) Briefing: sources exported to ${uri.path.split('/').pop()}`, 5000);
    return uri;
  }
}
