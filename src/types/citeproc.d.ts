/** Types for the parts of citeproc-js (the `citeproc` package, which ships none) that Briefing uses. */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string | false | undefined;
    retrieveItem(id: string): unknown;
  }
  interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
  }
  interface Citation {
    citationID?: string;
    citationItems: CitationItem[];
    properties: { noteIndex: number };
  }
  interface BibliographyMeta {
    entry_ids: string[][];
    bibstart: string;
    bibend: string;
  }
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { class: 'note' | 'in-text'; mode: string };
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    /** Formats citations in document order: [citationID, noteIndex, text] for each. */
    rebuildProcessorState(citations: Citation[], mode?: string, uncitedItemIDs?: string[]): Array<[string, number, string]>;
    makeBibliography(): [BibliographyMeta, string[]] | false;
  }
  const Output: { Formats: Record<string, Record<string, unknown>> };
  /** The style tree of a style read as CSL-JSON (how citeproc-js reads XML where there is no DOM). */
  interface XmlJson {
    getNodesByName(node: object, name: string, nameattrval?: string, ret?: unknown[]): unknown[];
  }
  const CSL: { Engine: typeof Engine; XmlJSON?: { prototype: XmlJson } };
  export default CSL;
  export { Engine, Output, type Citation, type CitationItem, type CiteprocSys };
}
