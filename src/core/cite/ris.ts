import type { CslDate, CslItem } from './cslItem';
import { oneLine } from './escape';
import type { CslName } from './names';

/** RIS reference types for CSL types, as Zotero reads them. */
const RIS_TYPES: Readonly<Record<string, string>> = {
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  'article-journal': 'JOUR',
  article: 'GEN',
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  report: 'RPRT',
  book: 'BOOK',
  interview: 'GEN',
  speech: 'GEN',
  document: 'GEN',
};

function risName(name: CslName): string {
  if (name.literal || !name.family) return name.literal ?? name.family ?? '';
  const last = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [last, [name.given, name['dropping-particle']].filter(Boolean).join(' '), name.suffix].filter(Boolean).join(', ');
}

/** RIS dates: `YYYY/MM/DD/`, with empty parts where unknown (`2025/06//`). */
function risDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts'][0];
  if (!parts || parts.length === 0) return undefined;
  const [year, month, day] = parts;
  return `${String(year).padStart(4, '0')}/${month ? String(month).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`;
}

/** One RIS record for a CSL item; every value on one line, so no text of a source can start a tag. */
export function toRis(item: CslItem): string {
  const lines: Array<[string, string]> = [['TY', RIS_TYPES[item.type] ?? 'GEN']];
  // A1, the primary authors of every type in the RIS specification (a newspaper's reporter too); readers that know only AU read A1 as well.
  for (const name of item.author ?? []) lines.push(['A1', risName(name)]);
  lines.push(['TI', item.title]);
  // No ST (short title): citation-js then drops a newspaper article's authors.
  if (item['container-title']) lines.push(['T2', item['container-title']]);
  const issued = risDate(item.issued);
  // Y1, the primary date (`YYYY/MM/DD/`), is read by Zotero, EndNote and citation-js alike; with PY beside it
  // citation-js keeps only PY's year, and it leaves DA unread.
  if (issued) lines.push(['Y1', issued]);
  if (item.URL) lines.push(['UR', item.URL]);
  const accessed = risDate(item.accessed);
  if (accessed) lines.push(['Y2', accessed]);
  lines.push(['ID', item.id]);
  return `${lines.map(([tag, value]) => `${tag}  - ${oneLine(value).trim()}`).join('\r\n')}\r\nER  - \r\n`;
}
