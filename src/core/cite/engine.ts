import CSL, { Engine, type Citation } from 'citeproc';
import type { CslItem } from './cslItem';
import type { Locator } from './locator';
import { citeprocFormat, type OutputFormat } from './outputFormats';

/** One citation of one source, as a draft holds it. */
export interface Cite {
  readonly item: CslItem;
  readonly locator?: Locator;
  /** For note styles: the number of the footnote it sits in (1, 2, …); in-text citations have 0. */
  readonly noteIndex?: number;
}

/** A bibliography entry, in the style's order. */
export interface BibliographyEntry {
  readonly id: string;
  readonly text: string;
}

/**
 * citeproc-js finds a macro by walking the whole style tree at every place
 * the macro is called, so building a large style (Chicago, APA) spent about
 * half its time there. The macros of a style tree are indexed by name once,
 * on the first lookup; any other lookup, or a name the index lacks, takes
 * citeproc-js's own walk, so results stay citeproc-js's.
 */
function indexMacroLookups(): void {
  const xmlJson = CSL.XmlJSON?.prototype;
  if (!xmlJson || xmlJson.getNodesByName === indexedLookup) return;
  const walk = xmlJson.getNodesByName;
  const macrosByTree = new WeakMap<object, Map<string, unknown[]>>();
  function indexedLookup(this: { dataObj: unknown }, node: object, name: string, nameattrval?: string, ret?: unknown[]): unknown[] {
    if (name !== 'macro' || !nameattrval || ret || node !== this.dataObj) return walk.call(this, node, name, nameattrval, ret);
    let macros = macrosByTree.get(node);
    if (!macros) {
      macros = new Map();
      for (const macro of walk.call(this, node, 'macro') as Array<{ attrs?: { name?: string } }>) {
        const key = macro.attrs?.name;
        if (key !== undefined) macros.set(key, [...(macros.get(key) ?? []), macro]);
      }
      macrosByTree.set(node, macros);
    }
    const found = macros.get(nameattrval);
    return found ? [...found] : walk.call(this, node, name, nameattrval);
  }
  xmlJson.getNodesByName = indexedLookup;
}

/**
 * A CSL style, ready to format: citeproc-js with the style and its locale.
 * Building one parses and compiles the style (up to a second or two for the
 * large APA and Chicago styles), so callers keep it; formatting is then
 * a few milliseconds. Not thread-safe, and not meant for the extension
 * host: it runs in the index worker and the CLI.
 */
export class CitationEngine {
  private readonly items = new Map<string, CslItem>();
  private readonly engine: Engine;

  /**
   * @param styleXml the CSL style's XML
   * @param locale a locale id such as `en-US`; the style's own default wins when it forces one
   * @param retrieveLocale the XML of a locale file, or undefined when there is none
   */
  constructor(styleXml: string, locale: string, retrieveLocale: (lang: string) => string | undefined) {
    if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(styleXml)) {
      throw new Error('it is not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl"> element)');
    }
    indexMacroLookups();
    this.engine = new Engine(
      {
        retrieveLocale: (lang) => retrieveLocale(lang) ?? false,
        retrieveItem: (id) => this.items.get(id),
        // citeproc-js asks for this when it wraps a citation's entry; Briefing wraps nothing.
        wrapCitationEntry: (text: string) => text,
      } as ConstructorParameters<typeof Engine>[0],
      styleXml,
      locale,
    );
  }

  /** Whether the style writes notes (Chicago notes and bibliography) or in-text citations (APA, MLA, author-date). */
  get isNoteStyle(): boolean {
    return this.engine.opt.class === 'note';
  }

  /**
   * Formats citations in the order they appear in a draft, each as the
   * style writes it at that place: a full note the first time, a short one
   * after (or "Ibid." where the style says so), the same author-date in the
   * text. Returns one text per citation.
   */
  citeAll(cites: readonly Cite[], format: OutputFormat): string[] {
    if (cites.length === 0) return [];
    this.load(cites.map((cite) => cite.item));
    const citations: Citation[] = cites.map((cite, i) => ({
      citationID: `briefing-${i}`,
      citationItems: [{ id: cite.item.id, ...(cite.locator ? { locator: cite.locator.locator, label: cite.locator.label } : {}) }],
      properties: { noteIndex: this.isNoteStyle ? (cite.noteIndex ?? i + 1) : 0 },
    }));
    const rendered = this.engine.rebuildProcessorState(citations, citeprocFormat(format));
    const byId = new Map(rendered.map(([id, , text]) => [id, text]));
    return citations.map((citation) => tidy(byId.get(citation.citationID!) ?? ''));
  }

  /** One citation on its own: a first (full) note, or an in-text citation. */
  cite(item: CslItem, format: OutputFormat, locator?: Locator): string {
    return this.citeAll([{ item, ...(locator ? { locator } : {}) }], format)[0];
  }

  /** The bibliography entries of these sources, sorted as the style sorts them. */
  bibliography(items: readonly CslItem[], format: OutputFormat): BibliographyEntry[] {
    if (items.length === 0) return [];
    this.load(items);
    this.engine.setOutputFormat(citeprocFormat(format));
    this.engine.updateItems(items.map((item) => item.id));
    const made = this.engine.makeBibliography();
    if (!made) return [];
    const [meta, entries] = made;
    return entries.map((text, i) => ({ id: meta.entry_ids[i][0], text: tidy(text) }));
  }

  private load(items: readonly CslItem[]): void {
    this.items.clear();
    for (const item of items) this.items.set(item.id, item);
  }
}

/** One line, no padding: styles that lay out blocks or indents still give a line of text. */
function tidy(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
