/**
 * Hostile and pathological texts, made at any size from a short pattern, so
 * the hostile-input suite (test/unit/hostileInput.test.ts) and its bench
 * section (bench/hostile.ts) commit no large files. Each generator names
 * the part of Briefing it was found to hurt (issue #17) or is aimed at.
 */

/** A text of about `bytes` characters: `unit` repeated, then `tail`. */
export function repeat(unit: string, bytes: number, tail = ''): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length))) + tail;
}

/** A small seeded PRNG (mulberry32): the token soups are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tokens that open or close what parsers look for (quotes, tags, footnotes, figures, LaTeX), mixed at random. */
export const HOSTILE_TOKENS: readonly string[] = [
  '.', '. ', '“', '”', '"', "'", '‘', '’', '[^', '[^1]', ']', '[[1]]', '<!--', '-->', '<a ', '<p>', '</p>', '>', '$', '$1', '1',
  ',000', '%', '1%', ' per cent', 'June', ' 12', '-30', 'between ', '\\footnote{', '\\cite{', '}', '{', '\\', 'http://', '# ', '\n',
  '\n\n', '| ', '|--', '`', '```', 'Mr. ', 'U.S.', 'has ', 'said ', 'Aa ', 'According to ', 'a thousand ', 'one ', 'of ', ' ',
  '\t', '\r', '&amp;', '&lt;', '\u001b[2J', '\u0007', 'ŉ', '\u202e', '---\n', '[^1]: ', '\n[^2]: ', '[^2]', '(', ')', ':', '?', 'Q: ', '*', '_',
];

/** A random mix of the tokens parsers react to, `bytes` long. */
export function tokenSoup(bytes: number, seed: number): string {
  const random = seeded(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const token = HOSTILE_TOKENS[Math.floor(random() * HOSTILE_TOKENS.length)];
    parts.push(token);
    length += token.length;
  }
  return parts.join('');
}

/** A source file's text (and its extension) that once hung or blew up reading, indexing or the briefing. */
export interface SourceCase {
  readonly name: string;
  readonly ext: 'md' | 'txt' | 'html';
  /** What it hurt or aims at. */
  readonly why: string;
  readonly make: (bytes: number) => string;
  /** The size the unit suite runs it at, when the default would not turn the old quadratic step into a timeout. */
  readonly unitBytes?: number;
}

export const SOURCE_CASES: readonly SourceCase[] = [
  { name: 'dots', ext: 'txt', why: 'the sentence splitter on a paragraph of "."', make: (n) => repeat('.', n) },
  { name: 'dots-then-letter', ext: 'txt', why: 'the sentence splitter backtracking over a run of stops', make: (n) => repeat('.', n, 'x') },
  { name: 'initials', ext: 'txt', why: 'the sentence splitter\'s look-back for abbreviations', make: (n) => repeat('a.', n, 'b') },
  // The old trimming was quadratic with a small constant (73 s at 720 KB): the unit suite reads these at 1 MB.
  { name: 'html-paragraphs', ext: 'html', why: 'the HTML reduction trimming the whole text at each block tag', make: (n) => repeat('<p>ab</p>', n), unitBytes: 1024 * 1024 },
  { name: 'html-spaced-blocks', ext: 'html', why: 'the HTML reduction with spaces before each block', make: (n) => repeat('<div>ab  \t </div> ', n), unitBytes: 1024 * 1024 },
  { name: 'html-unclosed-tags', ext: 'html', why: 'deeply nested, never closed tags', make: (n) => repeat('<div><b>a ', n) },
  { name: 'html-entities', ext: 'html', why: 'entities that decode to markup', make: (n) => `<title>&lt;img src=x onerror=alert(1)&gt;</title>${repeat('<p>&lt;b&gt;&amp;&#10;', n)}` },
  { name: 'percent-facts', ext: 'txt', why: 'the fact merge, O(n²) in the statements of one figure', make: (n) => repeat('1% ', n) },
  { name: 'percent-facts-lines', ext: 'txt', why: 'the fact merge across passages', make: (n) => repeat('Spending rose 1%.\n', n) },
  { name: 'money-facts', ext: 'txt', why: 'money, counts and durations in the sources', make: (n) => repeat('$1 billion, 12 June, 3-day 1,000 soldiers ', n) },
  { name: 'one-letter-lines', ext: 'txt', why: 'a passage per line: 1.25M passages from 2 MB', make: (n) => repeat('a\n', n) },
  { name: 'one-long-line', ext: 'txt', why: 'one passage of the whole file', make: (n) => repeat('word after word without a stop ', n) },
  { name: 'blank-lines', ext: 'md', why: 'line splitting on nothing but line breaks', make: (n) => repeat('\n', n) },
  { name: 'carriage-returns', ext: 'txt', why: 'old Mac line ends', make: (n) => repeat('a\r', n) },
  { name: 'heading-hashes', ext: 'md', why: 'the heading pattern on a line of "a #"', make: (n) => `# ${repeat('a # ', n)}x` },
  { name: 'headings', ext: 'md', why: 'a section per line', make: (n) => repeat('# a\n', n) },
  { name: 'table-pipes', ext: 'md', why: 'a table row of pipes and dashes', make: (n) => `| a | b |\n${repeat('|--', n, 'x')}\n` },
  { name: 'tag-openers', ext: 'md', why: 'the markup share of a line of "<a "', make: (n) => repeat('<a ', n) },
  { name: 'open-curly-quotes', ext: 'txt', why: 'quotations never closed', make: (n) => repeat('Aa said “a ', n) },
  { name: 'single-quote-apostrophes', ext: 'txt', why: 'the stances quotation pattern on ‘a’b’c…', make: (n) => repeat('‘a’b', n) },
  { name: 'auxiliary-chain', ext: 'txt', why: 'attribution verbs after a chain of "has"', make: (n) => `Russia ${repeat('has ', n)}x` },
  { name: 'capitalised-words', ext: 'txt', why: 'every word a name for the entity extraction', make: (n) => repeat('Aa Bb Cc said. ', n) },
  { name: 'reference-markers', ext: 'txt', why: 'reference markers removed from a passage', make: (n) => repeat('a[[1]]', n) },
  { name: 'front-matter-injection', ext: 'md', why: 'a title with line breaks, escapes and markup', make: (n) => `---\ntitle: "Evil\\n\\n<img src=x onerror=alert(1)>\\n\\n[^9]: fake \\e]52;c;aGk=\\a \\e[2J"\nauthor: "A\\u0007B"\n---\n${repeat('Talks resumed in June. ', n)}` },
  { name: 'token-soup-1', ext: 'md', why: 'a random mix of what parsers look for', make: (n) => tokenSoup(n, 1) },
  { name: 'token-soup-2', ext: 'txt', why: 'a random mix of what parsers look for', make: (n) => tokenSoup(n, 2) },
  { name: 'token-soup-3', ext: 'html', why: 'a random mix of what parsers look for', make: (n) => tokenSoup(n, 3) },
];

/** A draft's text that once hung or blew up the writing checks, footnote tidying or the related-passages query. */
export interface DraftCase {
  readonly name: string;
  readonly why: string;
  readonly make: (bytes: number) => string;
}

export const DRAFT_CASES: readonly DraftCase[] = [
  { name: 'ones', why: 'each figure re-tokenizing its sentence three times', make: (n) => repeat('1 ', n) },
  { name: 'twelve-june', why: 'dates: every date checked against every other', make: (n) => repeat('12 June ', n) },
  { name: 'thousands', why: 'figures: every figure checked against every other', make: (n) => repeat('1,000 ', n) },
  { name: 'dollars', why: 'currency figures', make: (n) => repeat('$1', n) },
  { name: 'percent-of-gdp', why: 'figures with a measure', make: (n) => repeat('Spending rose 6.3% of GDP. ', n) },
  { name: 'number-words', why: 'number words read eight at a time', make: (n) => repeat('a thousand one two three ', n) },
  { name: 'date-ranges', why: 'date ranges', make: (n) => repeat('between June 20 and 30 ', n) },
  { name: 'footnote-markers', why: 'blanking markup one match at a time', make: (n) => repeat('[^1]', n, '\n\n[^1]: A note.\n') },
  { name: 'footnote-definitions', why: 'footnote definitions to tidy', make: (n) => `Text[^1].\n\n${repeat('[^1]: A long enough note of a source, written twice.\n', n)}` },
  { name: 'footnote-openers', why: 'a footnote marker never closed', make: (n) => repeat('[^', n) },
  { name: 'comment-openers', why: 'HTML comments never closed', make: (n) => repeat('<!--', n) },
  { name: 'references-headings', why: 'a references section per line', make: (n) => repeat('# References\n', n) },
  { name: 'open-straight-quotes', why: 'quotations never closed', make: (n) => repeat('"a ', n) },
  { name: 'open-single-quotes', why: 'single quotes never closed', make: (n) => repeat(" 'a", n) },
  { name: 'curly-single-quotes', why: 'the quote pattern on ‘a’b’c…', make: (n) => repeat(' ‘a’b', n) },
  { name: 'speaker-chain', why: 'attribution patterns after a chain of "has"', make: (n) => `“We will,” Aa ${repeat('has ', n)}x` },
  { name: 'quotes-said', why: 'a quote and its speaker, repeated', make: (n) => repeat('“Talks resumed,” Peskov said. ', n) },
  { name: 'latex-commands', why: 'LaTeX commands never closed', make: (n) => repeat('\\footnote{\\cite{a ', n) },
  { name: 'one-long-word', why: 'a single token', make: (n) => repeat('a', n) },
  { name: 'dots', why: 'the sentence splitter in a draft', make: (n) => repeat('.', n, 'x') },
  { name: 'token-soup-4', why: 'a random mix of what parsers look for', make: (n) => tokenSoup(n, 4) },
  { name: 'token-soup-5', why: 'a random mix of what parsers look for', make: (n) => tokenSoup(n, 5) },
];

/** Search queries a user (or a script through the CLI) may send. */
export const QUERY_CASES: readonly DraftCase[] = [
  { name: 'long-query', why: 'a query of a whole document', make: (n) => repeat('prisoner exchange talks ', n) },
  { name: 'one-letter-words', why: 'thousands of one-letter prefixes', make: (n) => repeat('a b c ', n) },
  { name: 'query-soup', why: 'a random mix of what parsers look for', make: (n) => tokenSoup(n, 6) },
];
