import * as vscode from 'vscode';
import { DEFAULT_STYLE } from '../core/cite/styles';

/** How citations are written into one draft, read for its language (`"[latex]": {…}` settings apply). */
export interface CitationSettings {
  /** A bundled style's id or the path of a .csl file. */
  readonly style: string;
  /** The language of terms and dates, e.g. `en-US`. */
  readonly locale: string;
  /** A bibliography file for `[@key]` citations when the draft's front matter names none; empty for none. */
  readonly bibliography: string;
}

export type DefaultAction = 'insertCitation' | 'insertQuote' | 'openSource' | 'copyCitation';

/** Briefing's settings, read fresh each time so a change takes effect at once. */
export const settings = {
  citation(document: vscode.TextDocument): CitationSettings {
    const scoped = vscode.workspace.getConfiguration('briefing', document);
    return {
      style: scoped.get<string>('citation.style', DEFAULT_STYLE).trim() || DEFAULT_STYLE,
      locale: scoped.get<string>('citation.locale', 'en-US').trim() || 'en-US',
      bibliography: scoped.get<string>('citation.bibliography', '').trim(),
    };
  },
  /** The style set for no language in particular (for copying with no draft open). */
  defaultCitationStyle(): string {
    return config().get<string>('citation.style', DEFAULT_STYLE).trim() || DEFAULT_STYLE;
  },
  /** The locale set for no language in particular. */
  defaultCitationLocale(): string {
    return config().get<string>('citation.locale', 'en-US').trim() || 'en-US';
  },
  quoteForm(): 'auto' | 'inline' | 'block' {
    return config().get<'auto' | 'inline' | 'block'>('quote.form', 'auto');
  },
  maxResults(): number {
    return Math.min(200, Math.max(1, config().get<number>('search.maxResults', 20)));
  },
  /** Rank by meaning as well as by words (briefing.search.meaning). */
  searchMeaning(): boolean {
    return config().get<boolean>('search.meaning', true);
  },
  defaultAction(): DefaultAction {
    return config().get<DefaultAction>('search.defaultAction', 'insertCitation');
  },
  followCursor(): boolean {
    return config().get<boolean>('panel.followCursor', true);
  },
  followLanguages(): readonly string[] {
    return config().get<string[]>('panel.followLanguages', []);
  },
  /** Whether the writing checks run, and on which languages. */
  checksEnabledFor(languageId: string): boolean {
    return config().get<boolean>('checks.enabled', true) && config().get<string[]>('checks.languages', []).includes(languageId);
  },
  /** How loud a quote given to someone and found nowhere in the sources is ("off" leaves it out). */
  unsourcedQuoteSeverity(): 'error' | 'warning' | 'information' | 'hint' | 'off' {
    const value = config().get<string>('checks.unsourcedQuotes', 'information');
    return value === 'error' || value === 'warning' || value === 'hint' || value === 'off' ? value : 'information';
  },
  /** The languages the writing checks may run on (the providers are registered for these). */
  checksLanguages(): readonly string[] {
    return config().get<string[]>('checks.languages', ['markdown', 'plaintext', 'latex']);
  },
  claimLensesEnabled(): boolean {
    return config().get<boolean>('checks.claims', true);
  },
  tidyOnSave(): boolean {
    return config().get<boolean>('citations.tidyOnSave', false);
  },
  /** The user's source folders, files and globs. */
  sourceEntries(): readonly string[] {
    return config().get<string[]>('sources.include', []);
  },
  /** The user's extra topics file, resolved against the first workspace folder. */
  topicsFile(): string | undefined {
    const file = config().get<string>('topics.file', '').trim();
    if (!file) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return folder && !/^([a-z]:)?[\\/]/i.test(file) ? `${folder}/${file}` : file;
  },
  /** Where "Add Source from URL…" saves clippings: absolute, or relative to the first workspace folder; undefined without a workspace to put a relative one in. */
  clippingsFolder(): string | undefined {
    const folder = config().get<string>('clippings.folder', 'clippings').trim() || 'clippings';
    if (/^([a-z]:)?[\\/]/i.test(folder)) return folder;
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return workspace ? `${workspace}/${folder}` : undefined;
  },
  /** VS Code's own proxy settings, which "Add Source from URL…" fetches through. */
  proxy(): { proxy?: string; strictSSL: boolean; proxyAuthorization?: string } {
    const http = vscode.workspace.getConfiguration('http');
    const proxy = http.get<string>('proxy', '').trim();
    const authorization = http.get<string | null>('proxyAuthorization', null);
    return { ...(proxy ? { proxy } : {}), strictSSL: http.get<boolean>('proxyStrictSSL', true), ...(authorization ? { proxyAuthorization: authorization } : {}) };
  },
  includeBundled(): boolean {
    return config().get<boolean>('sources.includeBundled', true);
  },
  /** Whether links in the source folders may lead outside them (briefing.sources.followLinksOutside). */
  followLinksOutside(): boolean {
    return config().get<boolean>('sources.followLinksOutside', false);
  },
  maxFileBytes(): number {
    return Math.max(1, config().get<number>('sources.maxFileSizeKB', 2048)) * 1024;
  },
  /** The shared archive's postgres:// URL, or "" for none. */
  archiveUrl(): string {
    return config().get<string>('archive.url', '').trim();
  },
  async setFollowCursor(enabled: boolean): Promise<void> {
    await config().update('panel.followCursor', enabled, vscode.ConfigurationTarget.Global);
  },
};

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('briefing');
}
