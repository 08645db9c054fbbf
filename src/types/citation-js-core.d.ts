/** Types for the part of @citation-js/core (used by the tests to read exports back) that Briefing uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    readonly data: unknown[];
    format(format: string, options?: unknown): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
