import type { DocumentKind, SourceDate } from './model';
import type { SourceHints } from './parse/parseDocument';

const KINDS: readonly DocumentKind[] = ['article', 'faq', 'blog-post', 'explainer', 'transcript', 'note'];

/** Reads `data/sources.json`, rejecting entries a citation could not be built from. */
export function parseManifest(json: string): SourceHints[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`sources.json is not valid JSON: ${(error as Error).message}`);
  }
  const sources = (parsed as { sources?: unknown }).sources;
  if (!Array.isArray(sources)) throw new Error('sources.json has no "sources" list');
  return sources.map((entry: Record<string, unknown>, index) => {
    const where = `sources.json entry ${index + 1}`;
    const text = (key: string, required = false): string | undefined => {
      const value = entry[key];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: "${key}" must be a non-empty string`);
      return value;
    };
    const kind = text('kind', true) as DocumentKind;
    if (!KINDS.includes(kind)) throw new Error(`${where}: kind "${kind}" is not one of ${KINDS.join(', ')}`);
    const date = entry.date as SourceDate | undefined;
    if (!date || typeof date.label !== 'string') throw new Error(`${where}: "date.label" is required (use "n.d." when undated)`);
    const id = text('id', true)!;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`${where}: id "${id}" must be lowercase letters, digits and hyphens`);
    const optional = (key: string): Record<string, string> => {
      const value = text(key);
      return value === undefined ? {} : { [key]: value };
    };
    return {
      id,
      file: text('file', true)!,
      kind,
      date,
      origin: 'bundled' as const,
      ...optional('title'),
      ...(typeof entry.titleFromText === 'boolean' ? { titleFromText: entry.titleFromText } : {}),
      ...optional('outlet'),
      ...optional('author'),
      ...optional('url'),
      ...optional('accessed'),
    };
  });
}
