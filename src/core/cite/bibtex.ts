import type { CslDate, CslItem } from './cslItem';
import { escapeLatex, oneLine } from './escape';
import type { CslName } from './names';

/** BibLaTeX entry types for CSL types (read by Zotero, Pandoc and biber alike). */
const ENTRY_TYPES: Readonly<Record<string, string>> = {
  'article-newspaper': 'article',
  'article-magazine': 'article',
  'article-journal': 'article',
  article: 'article',
  webpage: 'online',
  'post-weblog': 'online',
  post: 'online',
  report: 'report',
  book: 'book',
  interview: 'misc',
  speech: 'misc',
  document: 'misc',
};

/** A name as BibTeX reads it: "van der Berg, Maria" (von Last, First), an organisation in braces. */
function bibtexName(name: CslName): string {
  if (name.literal || !name.family) return `{${escapeLatex(name.literal ?? name.family ?? '')}}`;
  const last = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  const parts = given ? (name.suffix ? [last, name.suffix, given] : [last, given]) : [last];
  return parts.map(escapeLatex).join(', ');
}

function isoDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts'][0];
  if (!parts || parts.length === 0) return undefined;
  return parts.map((part, i) => (i === 0 ? String(part).padStart(4, '0') : String(part).padStart(2, '0'))).join('-');
}

/**
 * A title escaped for LaTeX, each word with a capital (past the title's
 * first letter) in braces: BibTeX readers (Pandoc, biber) make titles
 * sentence case, and "US-Mexico" or "Canada" must keep their capitals.
 */
function protectCase(title: string): string {
  return oneLine(title)
    .split(' ')
    .map((word, i) => {
      const escaped = escapeLatex(word);
      const capitals = i === 0 ? word.slice(1) : word;
      return /\p{Lu}/u.test(capitals) ? `{${escaped}}` : escaped;
    })
    .join(' ');
}

/** A URL as a verbatim BibTeX field holds it: one line, with the characters that would end the field encoded. */
function safeUrl(url: string): string {
  return oneLine(url).trim().replace(/[{}\s\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * One BibLaTeX entry for a CSL item, every field escaped for LaTeX (a
 * title's `%`, `&`, braces or backslashes print as themselves; nothing in
 * it can close the field or start a command).
 */
export function toBibtex(item: CslItem): string {
  const type = ENTRY_TYPES[item.type] ?? 'misc';
  const fields: Array<[string, string]> = [];
  if (item.author?.length) fields.push(['author', item.author.map(bibtexName).join(' and ')]);
  fields.push(['title', protectCase(item.title)]);
  if (item['title-short']) fields.push(['shorttitle', protectCase(item['title-short'])]);
  if (item['container-title']) {
    const container = escapeLatex(item['container-title']);
    if (type === 'article') fields.push(['journaltitle', container], ['journal', container]);
    else if (type === 'online') fields.push(['organization', container]);
    else fields.push(['howpublished', container]);
  }
  if (item.type === 'article-newspaper') fields.push(['entrysubtype', 'newspaper']);
  if (item.type === 'interview') fields.push(['type', 'interview']);
  const date = isoDate(item.issued);
  if (date) fields.push(['date', date], ['year', date.slice(0, 4)]);
  if (item.URL) fields.push(['url', safeUrl(item.URL)]);
  const accessed = isoDate(item.accessed);
  if (accessed) fields.push(['urldate', accessed]);
  const key = item.id.replace(/[\s,{}()"#%'=\\~]/g, '');
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}
