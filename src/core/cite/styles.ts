/** The CSL styles Briefing ships, and how a style named in a setting or a flag is found. */

export interface BundledStyle {
  /** What users type: `apa`, `chicago-note`. */
  readonly id: string;
  /** The style file in `csl/styles/`. */
  readonly file: string;
  readonly title: string;
  /** Other names for it, including the ids of the CSL repository. */
  readonly aliases: readonly string[];
}

export const BUNDLED_STYLES: readonly BundledStyle[] = [
  { id: 'chicago-note', file: 'chicago-notes-bibliography.csl', title: 'Chicago notes and bibliography (18th ed.): a full note first, short notes after', aliases: ['chicago-notes', 'chicago-notes-bibliography', 'chicago-notes-and-bibliography', 'footnote', 'footnotes'] },
  { id: 'chicago-author-date', file: 'chicago-author-date.csl', title: 'Chicago author-date (18th ed.)', aliases: ['chicago', 'chicago-ad'] },
  { id: 'apa', file: 'apa.csl', title: 'APA 7th edition', aliases: ['apa7', 'apa-7'] },
  { id: 'mla', file: 'modern-language-association.csl', title: 'MLA 9th edition', aliases: ['mla9', 'modern-language-association'] },
  { id: 'harvard', file: 'harvard-cite-them-right.csl', title: 'Harvard (Cite Them Right)', aliases: ['harvard-cite-them-right', 'cite-them-right'] },
];

/** Notes suit a draft best when nothing is set: every source cited in full once, briefly after. */
export const DEFAULT_STYLE = 'chicago-note';

/** Settings written before citations went through CSL, and what they now mean. */
const FORMER_VALUES: Readonly<Record<string, string>> = { auto: DEFAULT_STYLE, inline: DEFAULT_STYLE, plain: DEFAULT_STYLE, latex: DEFAULT_STYLE, markdown: DEFAULT_STYLE, parenthetical: DEFAULT_STYLE };

/** A style as chosen: one Briefing ships, or the user's own .csl file. */
export type StyleChoice = { readonly kind: 'bundled'; readonly style: BundledStyle } | { readonly kind: 'file'; readonly path: string };

/**
 * Reads a style name as a user writes it in a setting or a flag: a bundled
 * style's id or alias (any case), or the path of a .csl file. Undefined when
 * it is neither.
 */
export function parseStyleName(name: string): StyleChoice | undefined {
  const written = name.trim();
  if (/\.csl$/i.test(written) || /[\\/]/.test(written)) return { kind: 'file', path: written };
  const lower = FORMER_VALUES[written.toLowerCase()] ?? written.toLowerCase();
  const style = BUNDLED_STYLES.find((candidate) => candidate.id === lower || candidate.aliases.includes(lower));
  return style ? { kind: 'bundled', style } : undefined;
}

/** The bundled style ids, for messages. */
export function bundledStyleIds(): string {
  return BUNDLED_STYLES.map((style) => style.id).join(', ');
}

/** The locale files Briefing ships (`csl/locales/locales-<id>.xml`). */
export const BUNDLED_LOCALES: readonly string[] = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'pt-BR', 'nl-NL', 'pl-PL', 'ru-RU', 'uk-UA'];

/** A bundled locale for a language tag: exact ("en-GB"), else the first of its language ("de" → "de-DE"); undefined when none. */
export function bundledLocale(tag: string): string | undefined {
  const wanted = tag.trim().replace('_', '-').toLowerCase();
  if (!wanted) return undefined;
  return BUNDLED_LOCALES.find((locale) => locale.toLowerCase() === wanted) ?? BUNDLED_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === wanted.split('-')[0]);
}
