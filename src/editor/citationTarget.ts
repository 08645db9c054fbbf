import * as vscode from 'vscode';
import { bibliographyFormatOf } from '../core/cite/bibliographyFormat';
import { draftSyntaxOf, type DraftSyntax } from '../core/cite/draftSyntax';
import { settings, type CitationSettings } from '../services/settings';

/** How citations go into one draft: its syntax, its style settings, and the bibliography file of a Pandoc draft. */
export interface DraftCitationSetup {
  readonly syntax: DraftSyntax;
  readonly settings: CitationSettings;
  /** The workspace folder a relative style path is read from. */
  readonly baseFolder?: string;
  /** For a Pandoc or Quarto draft: the bibliography file `[@key]` citations go with. */
  readonly bibliography?: vscode.Uri;
}

/**
 * Works out how a draft is cited: Markdown (and Quarto, R Markdown), LaTeX
 * or plain text by its language; the style and locale for that language;
 * and for Markdown, the bibliography its YAML front matter names (`named`,
 * read by the worker; relative to the draft), else the one the settings
 * name (relative to the workspace). Throws with a message fit to show for a file no citation may
 * go into (a BibTeX or RIS file).
 */
export function citationSetupOf(document: vscode.TextDocument, named: readonly string[] = []): DraftCitationSetup {
  const fileName = document.fileName.split(/[\\/]/).pop() ?? document.fileName;
  const syntax = draftSyntaxOf(document.languageId, fileName);
  if (!syntax) throw new Error(`“${fileName}” is a bibliography file; a citation never goes into one.`);
  const configured = settings.citation(document);
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = { syntax, settings: configured, ...(folder ? { baseFolder: folder.fsPath } : {}) };
  if (syntax !== 'markdown') return base;
  const chosen = named.find((name) => bibliographyFormatOf(name)) ?? named[0];
  if (chosen) return { ...base, bibliography: resolve(chosen, document.uri.scheme === 'untitled' ? folder : parentOf(document.uri)) };
  if (configured.bibliography) return { ...base, bibliography: resolve(configured.bibliography, folder) };
  return base;
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

function resolve(path: string, base: vscode.Uri | undefined): vscode.Uri {
  if (/^([a-z]:)?[\\/]/i.test(path) || !base) return vscode.Uri.file(path);
  return vscode.Uri.joinPath(base, path);
}

/** A bibliography file's text: from its editor when it is open (unsaved changes included), else from disk; undefined when it does not exist. */
export async function readBibliography(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw new Error(`Briefing cannot read the bibliography ${uri.fsPath}: ${(error as Error).message}`);
  }
}

/** Writes a bibliography file's new text and saves it (Pandoc reads it from disk), through its editor when it is open. */
export async function writeBibliography(uri: vscode.Uri, text: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
    if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) throw new Error(`Briefing could not save the bibliography ${uri.fsPath}.`);
    return;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
