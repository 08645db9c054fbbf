import * as path from 'node:path';
import * as vscode from 'vscode';

const SOURCE_GLOB = '**/*.{md,markdown,txt,text,html,htm,xhtml,pdf,docx}';

/**
 * Turns the user's source entries (folders, files or globs; absolute or
 * relative to a workspace folder) into paths the index worker can read.
 */
export async function resolveSourceRoots(entries: readonly string[]): Promise<{ paths: string[]; missing: string[] }> {
  const paths = new Set<string>();
  const missing: string[] = [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    if (/[*?{[]/.test(trimmed)) {
      const bases = path.isAbsolute(trimmed) ? [] : folders;
      const matches = path.isAbsolute(trimmed)
        ? await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(globBase(trimmed)), trimmed.slice(globBase(trimmed).length + 1)))
        : (await Promise.all(bases.map((folder) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, trimmed))))).flat();
      if (matches.length === 0) missing.push(trimmed);
      for (const uri of matches) paths.add(uri.fsPath);
      continue;
    }
    const candidates = path.isAbsolute(trimmed) ? [trimmed] : folders.map((folder) => path.join(folder.uri.fsPath, trimmed));
    const existing = [];
    for (const candidate of candidates) {
      if (await exists(candidate)) existing.push(candidate);
    }
    if (existing.length === 0) missing.push(trimmed);
    for (const found of existing) paths.add(found);
  }
  return { paths: [...paths], missing };
}

/** Watch patterns for the same entries, so changes are picked up as they happen. */
export function watchPatterns(entries: readonly string[]): vscode.GlobPattern[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return entries.flatMap((entry): vscode.GlobPattern[] => {
    const trimmed = entry.trim();
    if (!trimmed) return [];
    if (/[*?{[]/.test(trimmed)) {
      return path.isAbsolute(trimmed) ? [new vscode.RelativePattern(vscode.Uri.file(globBase(trimmed)), trimmed.slice(globBase(trimmed).length + 1))] : folders.map((folder) => new vscode.RelativePattern(folder, trimmed));
    }
    const bases = path.isAbsolute(trimmed) ? [trimmed] : folders.map((folder) => path.join(folder.uri.fsPath, trimmed));
    return bases.flatMap((base) => [new vscode.RelativePattern(vscode.Uri.file(base), SOURCE_GLOB), new vscode.RelativePattern(vscode.Uri.file(path.dirname(base)), path.basename(base))]);
  });
}

/** The folder part of an absolute glob, before its first wildcard. */
function globBase(glob: string): string {
  const firstWildcard = glob.search(/[*?{[]/);
  return path.dirname(glob.slice(0, firstWildcard + 1));
}

async function exists(file: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * Patterns that see any deletion under the source folders: VS Code reports
 * a deleted folder as one event for the folder, which the file patterns miss.
 */
export function deletionPatterns(entries: readonly string[]): vscode.GlobPattern[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return entries.flatMap((entry) => {
    const trimmed = entry.trim();
    if (!trimmed || /[*?{[]/.test(trimmed)) return [];
    const bases = path.isAbsolute(trimmed) ? [trimmed] : folders.map((folder) => path.join(folder.uri.fsPath, trimmed));
    return bases.map((base) => new vscode.RelativePattern(vscode.Uri.file(base), '**'));
  });
}
