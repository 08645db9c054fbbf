/** Types for @citation-js/name, which ships none: a name as CSL writes it. */
declare module '@citation-js/name' {
  export interface CslNameParts {
    given?: string;
    family?: string;
    suffix?: string;
    'dropping-particle'?: string;
    'non-dropping-particle'?: string;
    literal?: string;
  }
  export function parse(name: string): CslNameParts;
  export function format(name: CslNameParts, reversed?: boolean): string;
}
