/**
 * The curated alias table for the bundled corpus: who and what the sources
 * name, under every spelling and stand-in they use, so mentions merge into
 * one entity while each spelling is still reported. compromise finds names;
 * this table says which of them are one entity, and what is not a name.
 */
import type { EntityKind } from './types';

export interface CuratedEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** Every way a text may write the name (full names first is not required: longest match wins). */
  readonly aliases: readonly string[];
  /** Adjectives that stand for the entity as a speaker: "a Ukrainian official", "the Russian side". */
  readonly demonyms?: readonly string[];
  readonly note?: string;
}

export const CURATED_ENTITIES: readonly CuratedEntity[] = [
  // People
  { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Vladimir Putin', 'Vladimir Vladimirovich Putin', 'Putin'] },
  {
    id: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    kind: 'person',
    aliases: [
      'Volodymyr Zelensky', 'Volodymyr Zelenskiy', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskyi', 'Volodymyr Zelenski',
      'Zelensky', 'Zelenskiy', 'Zelenskyy', 'Zelenskyi', 'Zelenski', 'Zelenskii',
    ],
    note: 'Transliterations differ between outlets: Zelensky, Zelenskiy, Zelenskyy.',
  },
  { id: 'donald-trump', name: 'Donald Trump', kind: 'person', aliases: ['Donald Trump', 'Donald J. Trump', 'Trump'] },
  { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person', aliases: ['Dmitry Peskov', 'Dmitri Peskov', 'Dmitriy Peskov', 'Peskov'] },
  { id: 'rustem-umerov', name: 'Rustem Umerov', kind: 'person', aliases: ['Rustem Umerov', 'Umerov'] },
  { id: 'marco-rubio', name: 'Marco Rubio', kind: 'person', aliases: ['Marco Rubio', 'Rubio'] },
  { id: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'person', aliases: ['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov'] },
  { id: 'andrii-sybiha', name: 'Andrii Sybiha', kind: 'person', aliases: ['Andrii Sybiha', 'Andriy Sybiha', 'Andrii Sybiga', 'Sybiha'] },

  // Countries, and the capitals that stand for their governments
  { id: 'russia', name: 'Russia', kind: 'place', aliases: ['Russia', 'Russian Federation'], demonyms: ['Russian'] },
  { id: 'ukraine', name: 'Ukraine', kind: 'place', aliases: ['Ukraine'], demonyms: ['Ukrainian'] },
  {
    id: 'united-states',
    name: 'United States',
    kind: 'place',
    aliases: ['United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.', 'Washington', 'America'],
    demonyms: ['American', 'U.S.', 'US'],
  },
  {
    id: 'kremlin',
    name: 'Kremlin',
    kind: 'organisation',
    aliases: ['Kremlin', 'Russian government', "Russia's government", 'Russia’s government', 'Moscow'],
    note: "Russia's government; the texts also write “Moscow” for it.",
  },
  {
    id: 'kyiv',
    name: 'Kyiv',
    kind: 'organisation',
    aliases: ['Kyiv', 'Kiev', 'Ukrainian government', "Ukraine's government", 'Ukraine’s government'],
    note: "Ukraine's government, as the texts use the capital's name for it.",
  },
  { id: 'turkey', name: 'Turkey', kind: 'place', aliases: ['Turkey', 'Türkiye', 'Turkiye'], demonyms: ['Turkish'] },
  { id: 'lithuania', name: 'Lithuania', kind: 'place', aliases: ['Lithuania'], demonyms: ['Lithuanian'] },
  { id: 'belarus', name: 'Belarus', kind: 'place', aliases: ['Belarus'], demonyms: ['Belarusian'] },

  // Places
  { id: 'istanbul', name: 'Istanbul', kind: 'place', aliases: ['Istanbul'] },
  { id: 'ciragan-palace', name: 'Çırağan Palace', kind: 'place', aliases: ['Ciragan Palace', 'Çırağan Palace'] },
  { id: 'crimea', name: 'Crimea', kind: 'place', aliases: ['Crimea'] },
  { id: 'donbas', name: 'Donbas', kind: 'place', aliases: ['Donbas', 'Donbass'] },
  { id: 'sumy', name: 'Sumy', kind: 'place', aliases: ['Sumy'] },
  { id: 'minsk', name: 'Minsk', kind: 'place', aliases: ['Minsk'] },
  { id: 'eastern-europe', name: 'Eastern Europe', kind: 'place', aliases: ['Eastern Europe'] },

  // Organisations
  { id: 'nato', name: 'NATO', kind: 'organisation', aliases: ['NATO', 'North Atlantic Treaty Organization'] },
  { id: 'united-nations', name: 'United Nations', kind: 'organisation', aliases: ['United Nations', 'UN', 'U.N.'] },
  { id: 'european-union', name: 'European Union', kind: 'organisation', aliases: ['European Union', 'EU', 'E.U.'] },
];

/**
 * Words compromise tags as names in these texts that are not: chatty
 * openers, titles on their own, demonyms, calendar words, callout labels.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  [
    'guys', 'let', "let's", 'alright', 'so', 'now', 'despite', 'meanwhile', 'however', 'furthermore', 'ultimately',
    'president', 'minister', 'secretary', 'state', 'spokesperson', 'official', 'officials',
    'russian', 'ukrainian', 'american', 'european', 'western', 'west', 'western military', 'eastern',
    'russia-ukraine', 'us-russia', 'did you know', 'pro tip', 'key', 'june', 'may', 'july', 'february',
  ].map((word) => word.toLowerCase()),
);

/** Words that make up titles before a name: "Ukrainian Defense Minister", "US Secretary of State". */
export const ROLE_NOUNS: readonly string[] = [
  'Secretary of State', 'Defense Minister', 'Defence Minister', 'Foreign Minister', 'Prime Minister', 'Minister',
  'President', 'spokesperson', 'spokesman', 'spokeswoman', 'Chancellor', 'envoy', 'ambassador', 'negotiator',
];
export const ROLE_MODIFIERS: readonly string[] = [
  'Kremlin', 'White House', 'Russian', 'Ukrainian', 'U.S.', 'US', 'American', 'Turkish', 'German', 'French', 'British', 'Deputy', 'former', 'Former',
];
