/**
 * The archive's address: a postgres:// URL. In settings it must carry no
 * password (that lives in the editor's secret storage); in logs and
 * messages it is always shown without one.
 */

export interface ArchiveAddress {
  /** The URL as given, password removed. */
  readonly url: string;
  readonly user?: string;
  readonly host: string;
  readonly database?: string;
  /** True when the URL given had a password in it. */
  readonly hadPassword: boolean;
}

/** Reads a postgres:// (or postgresql://) URL, or says in a sentence what is wrong with it. */
export function parseArchiveUrl(text: string): ArchiveAddress | { problem: string } {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { problem: `"${redactUrl(trimmed).slice(0, 120)}" is not a URL; write it as postgres://user@host:5432/database` };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return { problem: `the archive URL must start with postgres:// (not ${url.protocol}//)` };
  }
  const hadPassword = url.password !== '';
  url.password = '';
  const user = decodeURIComponent(url.username) || undefined;
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  return { url: url.toString(), ...(user ? { user } : {}), host: url.host || 'localhost', ...(database ? { database } : {}), hadPassword };
}

/** A URL fit for a log or a message: any password replaced by ***. */
export function redactUrl(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/\s]*@/gi, '$1***@');
}
