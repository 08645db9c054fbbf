import { isMap, isSeq, parseDocument } from 'yaml';
import type { CslItem } from './cslItem';
import { toBibtex } from './bibtex';
import { plainWords } from './sourceLookup';

import type { BibliographyFormat } from './bibliographyFormat';

/** What adding a source to a bibliography file does. */
export interface BibliographyUpdate {
  /** The file's new text; undefined when the source is already in it. */
  readonly text?: string;
  /** The key to cite it by: its own key, or the key of the entry already there for it. */
  readonly key: string;
}

/** An entry already in the file: its key, and what tells whether it is the same source. */
interface Entry {
  readonly key: string;
  readonly title: string;
  readonly url?: string;
}

/**
 * Adds a source's entry to the text of a bibliography file (undefined or
 * empty: a new file), keeping every other entry as written. A source
 * already there (the same key and title, or another key with the same
 * title and address) is not added again: its key is used. When the key is
 * taken by a different entry, the new one gets `b`, `c`… A file that cannot
 * be read is an error, and nothing is changed.
 */
export function addToBibliography(existing: string | undefined, format: BibliographyFormat, item: CslItem, fileName = 'the bibliography'): BibliographyUpdate {
  const text = existing ?? '';
  const entries = entriesOf(text, format, fileName);
  const title = plainWords(item.title);
  const same = entries.find((entry) => plainWords(entry.title) === title && (entry.key === item.id || (entry.url ?? '') === (item.URL ?? '')));
  if (same) return { key: same.key };
  const taken = new Set(entries.map((entry) => entry.key));
  let key = item.id;
  for (let n = 1; taken.has(key); n++) key = `${item.id}${String.fromCharCode(97 + Math.min(n, 25))}`;
  const entry = { ...item, id: key };
  return { key, text: withEntry(text, format, entry) };
}

function entriesOf(text: string, format: BibliographyFormat, fileName: string): Entry[] {
  if (!text.trim()) return [];
  if (format === 'bibtex') {
    return [...text.matchAll(/@(\w+)\s*[{(]\s*([^,\s{}()]+)\s*,([\s\S]*?)(?=\n\s*@\w+\s*[{(]|$)/g)]
      .filter((match) => !['comment', 'string', 'preamble'].includes(match[1].toLowerCase()))
      .map((match) => {
        const field = (name: string): string | undefined => new RegExp(String.raw`\b${name}\s*=\s*[{"]((?:[^{}]|\{[^{}]*\})*)[}"]`, 'i').exec(match[3])?.[1];
        const url = field('url');
        return { key: match[2], title: field('title') ?? '', ...(url ? { url } : {}) };
      });
  }
  const items = format === 'csl-json' ? parseJson(text, fileName) : parseYaml(text, fileName);
  return items.map((value) => {
    const record = (value ?? {}) as Record<string, unknown>;
    const url = typeof record.URL === 'string' ? record.URL : undefined;
    return { key: String(record.id ?? ''), title: typeof record.title === 'string' ? record.title : '', ...(url ? { url } : {}) };
  });
}

function parseJson(text: string, fileName: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not valid JSON (${(error as Error).message}); Briefing changed nothing.`);
  }
  if (!Array.isArray(parsed)) throw new Error(`${fileName} is not CSL JSON (a list of items); Briefing changed nothing.`);
  return parsed;
}

function parseYaml(text: string, fileName: string): unknown[] {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(`${fileName} is not valid YAML (${document.errors[0].message.split('\n')[0]}); Briefing changed nothing.`);
  const data = document.toJS() as unknown;
  const list = Array.isArray(data) ? data : (data as { references?: unknown } | null)?.references;
  if (data !== null && data !== undefined && !Array.isArray(list)) throw new Error(`${fileName} is not CSL YAML (a "references" list); Briefing changed nothing.`);
  return (list as unknown[] | undefined) ?? [];
}

/** The file's text with the entry added at the end, the rest untouched. */
function withEntry(text: string, format: BibliographyFormat, item: CslItem): string {
  if (format === 'bibtex') {
    const body = text.replace(/\s*$/, '');
    return `${body}${body ? '\n\n' : ''}${toBibtex(item)}`;
  }
  if (format === 'csl-yaml') {
    const document = parseDocument(text.trim() ? text : 'references: []\n');
    const list = isSeq(document.contents) ? document.contents : isMap(document.contents) ? document.get('references', true) : undefined;
    if (isSeq(list)) list.add(document.createNode(item));
    else document.set('references', [item]);
    return document.toString();
  }
  const json = JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');
  const close = text.lastIndexOf(']');
  if (!text.trim() || close === -1) return `[\n  ${json}\n]\n`;
  const before = text.slice(0, close).replace(/\s*$/, '');
  const hasItems = !before.endsWith('[');
  return `${before}${hasItems ? ',' : ''}\n  ${json}\n${text.slice(close)}`;
}
