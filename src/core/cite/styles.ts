import type { Passage, SourceMeta } from '../model';
import { pageLabel, pageLocator } from './locator';

/** How a citation is written into a draft. */
export type CitationStyle = 'footnote' | 'inline' | 'apa' | 'chicago' | 'plain' | 'latex';

export const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'inline', 'apa', 'chicago', 'plain', 'latex'];

/** Style names users may type, mapped to the style they mean. */
export function parseCitationStyle(name: string): CitationStyle | undefined {
  const normalized = name.trim().toLowerCase();
  if (normalized === 'markdown' || normalized === 'parenthetical') return 'inline';
  return (CITATION_STYLES as readonly string[]).includes(normalized) ? (normalized as CitationStyle) : undefined;
}

/** The style that suits a file when the user has not chosen one. */
export function defaultStyleFor(languageId: string): CitationStyle {
  switch (languageId) {
    case 'markdown':
    case 'mdx':
      return 'footnote';
    case 'latex':
    case 'tex':
    case 'bibtex':
      return 'latex';
    case 'plaintext':
      return 'plain';
    default:
      return 'inline';
  }
}

/** Who a source is by, as a citation leads with it: author, else outlet, else nothing. */
export function creditOf(meta: SourceMeta): string | undefined {
  return meta.author ?? meta.outlet;
}

/** The year of a source's date, or "n.d." when undated. */
export function yearOf(meta: SourceMeta): string {
  return /^\d{4}/.exec(meta.date.from ?? meta.date.to ?? '')?.[0] ?? 'n.d.';
}

function monthOf(meta: SourceMeta): string | undefined {
  const from = meta.date.from;
  const to = meta.date.to;
  if (!from || !to || from.slice(0, 7) !== to.slice(0, 7) || from.length < 7) return undefined;
  return new Date(`${from.slice(0, 7)}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}

/** "Jhon Lennon" → "Lennon, J." for APA; organisations stay whole. */
function apaName(meta: SourceMeta): string | undefined {
  if (meta.author) {
    const parts = meta.author.trim().split(/\s+/);
    if (parts.length < 2) return meta.author;
    const last = parts.pop()!;
    return `${last}, ${parts.map((part) => `${part[0]}.`).join(' ')}`;
  }
  return meta.outlet;
}

/** The pieces every style is assembled from, in one place. */
export interface CitationParts {
  /** Short in-text form, e.g. "(World Today News, 2025)". */
  readonly inText: string;
  /** A full entry for a footnote or a references list. */
  readonly entry: string;
}

/**
 * Formats a citation of one passage. Names, titles and dates come only
 * from the source's metadata; nothing is made up (undated sources say "n.d.").
 */
export function formatCitation(passage: Passage, source: SourceMeta, style: CitationStyle): CitationParts {
  // Metadata comes from the sources, untrusted: in the Markdown styles its markup characters are escaped,
  // so a title cannot write HTML, a footnote or emphasis into the draft (LaTeX escapes its own below).
  const markdown = style !== 'plain' && style !== 'latex';
  const meta = markdown ? markdownSafeMeta(source) : source;
  const credit = creditOf(meta);
  const year = yearOf(meta);
  const rawSection = passage.section && passage.section !== source.title ? passage.section : undefined;
  const section = rawSection !== undefined && markdown ? escapeMarkdown(rawSection) : rawSection;
  const where = section ? `, “${section}”` : '';
  // A PDF passage's page ("p. 12"): in the in-text citation and the note, never in a reference-list entry (that names the work).
  const page = pageLabel(passage);
  const atPage = page ? `, ${page}` : '';
  switch (style) {
    case 'apa': {
      const name = apaName(meta);
      const month = monthOf(meta);
      const date = year === 'n.d.' ? 'n.d.' : month ? `${year}, ${month}` : year;
      const inText = name ? `(${name.split(',')[0]}, ${year}${atPage})` : `(*${shortTitle(meta.title)}*, ${year}${atPage})`;
      const entry = name ? `${endSentence(name)} (${date}). *${meta.title}*.` : `*${meta.title}*. (${date}).`;
      return { inText, entry: withOutlet(entry, meta) };
    }
    case 'chicago': {
      const chicagoPage = page ? `, ${pageLocator(passage)!.locator}` : '';
      const inText = credit ? `(${credit} ${year}${chicagoPage})` : `(“${shortTitle(meta.title)}” ${year}${chicagoPage})`;
      const entry = credit ? `${endSentence(credit)} ${endSentence(year)} “${meta.title}.”` : `“${meta.title}.” ${endSentence(year)}`;
      return { inText, entry: withOutlet(entry, meta) };
    }
    case 'latex': {
      const fields = [
        credit === undefined ? undefined : escapeLatex(credit),
        `\\emph{${escapeLatex(meta.title)}}`,
        escapeLatex(meta.date.label),
        page === undefined ? undefined : page.replace(/\. /, '.~'),
        section === undefined ? undefined : escapeLatex(`“${section}”`),
      ];
      const entry = endSentence(fields.filter((field) => field !== undefined).join(', '));
      return { inText: `\\footnote{${entry}}`, entry };
    }
    case 'plain': {
      const entry = [credit, `"${meta.title}"`, meta.date.label, page].filter(Boolean).join(', ') + (section ? `, section "${section}"` : '');
      return { inText: `(Source: ${entry})`, entry };
    }
    case 'inline': {
      const entry = [credit, `*${meta.title}*`, meta.date.label].filter(Boolean).join(', ');
      return { inText: `(${entry}${atPage}${where})`, entry };
    }
    case 'footnote': {
      const entry = endSentence([credit, `“${meta.title}”`, meta.date.label, page].filter(Boolean).join(', '));
      return { inText: '', entry };
    }
  }
}

function withOutlet(entry: string, meta: SourceMeta): string {
  return meta.author && meta.outlet ? `${entry} ${endSentence(meta.outlet)}` : entry;
}

/** Closes a citation element with a full stop, unless it already ends with one ("J.", "n.d."). */
function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The first words of a long title, as in-text citations shorten it. */
function shortTitle(title: string): string {
  const words = title.split(/\s+/);
  return words.length <= 4 ? title : `${words.slice(0, 4).join(' ')}…`;
}

/** Markdown's markup characters in a text from a source, backslash-escaped (CommonMark escapes any ASCII punctuation so). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

function markdownSafeMeta(meta: SourceMeta): SourceMeta {
  return {
    ...meta,
    title: escapeMarkdown(meta.title),
    ...(meta.author === undefined ? {} : { author: escapeMarkdown(meta.author) }),
    ...(meta.outlet === undefined ? {} : { outlet: escapeMarkdown(meta.outlet) }),
    date: { ...meta.date, label: escapeMarkdown(meta.date.label) },
  };
}

export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&#%_^~]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${char}`;
    }
  });
}
