import { Parser } from 'htmlparser2';

/**
 * One streaming pass over an HTML page (linear in its size, no DOM): the
 * page's visible text with the HTML offset of every character, its blocks
 * (paragraphs, headings, list items) marked with why a reader would skip
 * them (navigation, cookie notices, comments, widgets), and what the page
 * says about itself (meta tags, JSON-LD, title, headings, <time> elements).
 */

/** A run of text that a reader sees as one block: a paragraph, a heading, a list item. */
export interface HtmlBlock {
  /** Half-open range in `HtmlScan.text`. */
  readonly start: number;
  readonly end: number;
  /** 1–6 for a heading. */
  readonly heading?: number;
  readonly listItem?: boolean;
  /** Why a reader skips it (inside navigation, a cookie notice, comments…); undefined when it is content. */
  readonly dropped?: string;
  /** The skip was read from a class or id name (not from the element or its role): a weaker sign. */
  readonly droppedByName?: boolean;
  /** Characters of it that sit inside links: a block that is all link is a menu entry. */
  readonly linkChars: number;
  /** Ranges of `HtmlScan.text` inside it that a reader skips (a share button inside a paragraph). */
  readonly skips?: ReadonlyArray<readonly [number, number]>;
}

/** What a page says about itself, as found in its markup. */
export interface HtmlFacts {
  readonly title?: string;
  /** `<meta>` name/property/itemprop → content, lower-cased keys, first value wins. */
  readonly meta: ReadonlyMap<string, string>;
  /** Every value of keys that may repeat (article:author, author). */
  readonly metaAll: ReadonlyMap<string, readonly string[]>;
  readonly canonical?: string;
  readonly jsonLd: readonly string[];
  /** Text of the `<h1>` elements outside navigation, in order. */
  readonly h1: readonly string[];
  /** `<time>` elements and elements with itemprop=datePublished: their machine date and context. */
  readonly times: ReadonlyArray<{ readonly datetime: string; readonly published: boolean }>;
  /** Text of elements marked as the author (rel=author, class or itemprop author/byline). */
  readonly bylines: readonly string[];
  readonly lang?: string;
}

export interface HtmlScan {
  /** The page's visible text, whitespace collapsed to single spaces, blocks separated by "\n". */
  readonly text: string;
  /** For each character of `text`, its offset in the HTML (a line break: the offset after the previous character). */
  readonly offsets: Int32Array;
  readonly blocks: readonly HtmlBlock[];
  readonly facts: HtmlFacts;
  /** How much of the page is machinery rather than text: counts of elements, scripts and navigation. */
  readonly counts: { readonly elements: number; readonly scripts: number; readonly navigation: number; readonly links: number; readonly tooDeep: number };
}

/** Elements whose text is never shown as the page's text. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'title', 'textarea', 'select', 'option', 'head', 'svg', 'math', 'iframe', 'object', 'canvas']);
/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'table', 'thead',
  'tbody', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'pre', 'figure', 'figcaption', 'form', 'fieldset',
  'legend', 'address', 'details', 'summary', 'body', 'center', 'option', 'label', 'button', 'menu',
]);
/** Elements a reader skips whatever they hold. */
const SKIPPED_TAGS: Readonly<Record<string, string>> = {
  nav: 'navigation',
  aside: 'aside',
  footer: 'footer',
  button: 'control',
  label: 'control',
  legend: 'control',
  menu: 'navigation',
  dialog: 'dialog',
};
const SKIPPED_ROLES: Readonly<Record<string, string>> = {
  navigation: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  contentinfo: 'footer',
  complementary: 'aside',
  search: 'control',
  dialog: 'dialog',
  alertdialog: 'dialog',
  button: 'control',
  banner: 'site header',
};
/**
 * Words in class and id attributes that name what is not the article. Matched
 * against whole words of the attribute (split at spaces, dashes, underscores
 * and case changes), so "comment" skips "comments-area" but not "commentary".
 */
const SKIPPED_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(cookies?|consent|gdpr|ccpa|cmp|onetrust|privacy-?banner)$/, 'cookie notice'],
  [/^(comments?|disqus|respond|replies|discussion)$/, 'comments'],
  [/^(share|sharing|social|sharebar|sharetools|addthis|sociallinks)$/, 'share links'],
  [/^(newsletter|subscribe|subscription|signup|paywall|regwall)$/, 'subscribe'],
  [/^(ad|ads|advert|advertisement|adslot|adunit|sponsored|sponsor|promo|promotion|outbrain|taboola)$/, 'advertising'],
  [/^(related|recommended|recommendations|trending|popular|more-?stories|read-?more|readmore)$/, 'related links'],
  [/^(nav|navbar|navigation|menu|breadcrumbs?|skip|skiplink|pagination|pager|toolbar|masthead|topbar)$/, 'navigation'],
  [/^(sidebar|widget|widgets|rail)$/, 'widget'],
  [/^(footer|copyright)$/, 'footer'],
  [/^(modal|popup|overlay|lightbox)$/, 'dialog'],
  [/^(hidden|visually-?hidden|sr-only|screen-?reader-?text|offscreen)$/, 'hidden'],
];

interface OpenElement {
  readonly name: string;
  /** Why its text is skipped (its own reason or an ancestor's). */
  readonly dropped?: string;
  readonly droppedByName?: boolean;
  readonly invisible: boolean;
  readonly heading?: number;
  readonly listItem: boolean;
  readonly link: boolean;
  /** The element collects its text for the facts (title, h1, byline, time). */
  readonly collect?: 'title' | 'h1' | 'byline' | 'jsonld' | 'time';
  readonly collectStart: number;
  readonly datetime?: string;
  readonly published?: boolean;
}

/** How deep elements are followed; deeper ones are read as text of the element above. */
const MAX_NESTING = 256;
/** Elements that close themselves or are closed by the next of their kind: they do not nest. */
const NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);
/** Past this many elements open at once, their tags are blanked before parsing. */
const MAX_PARSED_NESTING = 2_000;

/**
 * The page with the tags of elements nested past MAX_PARSED_NESTING
 * replaced by spaces (offsets unchanged; their text stays). htmlparser2
 * keeps its open elements with Array#unshift, so each tag costs the depth:
 * a page of 100,000 unclosed <div>s ran past a minute (issue #17). One
 * linear pass over the tags; pages nested less deeply are returned as they are.
 */
function flattenDeepNesting(html: string, counts: { tooDeep: number }): string {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
  let depth = 0;
  let excess = 0;
  const blanks: Array<[number, number]> = [];
  for (const match of html.matchAll(tag)) {
    const name = match[2].toLowerCase();
    if (NOT_NESTING.has(name) || match[0].endsWith('/>')) continue;
    if (match[1] === '/') {
      if (excess > 0) {
        excess--;
        blanks.push([match.index, match.index + match[0].length]);
      } else if (depth > 0) depth--;
    } else if (depth >= MAX_PARSED_NESTING) {
      excess++;
      counts.tooDeep++;
      blanks.push([match.index, match.index + match[0].length]);
    } else depth++;
  }
  if (blanks.length === 0) return html;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of blanks) {
    parts.push(html.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** Scans a page. Offsets count UTF-16 code units of `html`, as editors and `String.slice` do. */
export function scanHtml(html: string): HtmlScan {
  const out = new TextBuffer();
  const blocks: HtmlBlock[] = [];
  const stack: OpenElement[] = [];
  const meta = new Map<string, string>();
  const metaAll = new Map<string, string[]>();
  const jsonLd: string[] = [];
  const h1: string[] = [];
  const times: Array<{ datetime: string; published: boolean }> = [];
  const bylines: string[] = [];
  let title = '';
  let canonical: string | undefined;
  let lang: string | undefined;
  const counts = { elements: 0, scripts: 0, navigation: 0, links: 0, tooDeep: 0 };
  // Elements nested deeper than MAX_NESTING are read as text of the one above: each tag looks at the open elements,
  // so a page of 100,000 unclosed <div>s was quadratic (issue #17). Their close tags are skipped in turn.
  let ignoredOpen = 0;
  // Raw text collected for facts, per collecting element.
  let collected = '';

  let blockStart = 0;
  let blockLinkChars = 0;
  let blockSkips: Array<[number, number]> = [];
  const top = (): OpenElement | undefined => stack[stack.length - 1];
  const innermostBlock = (): OpenElement | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (BLOCKS.has(stack[i].name)) return stack[i];
    return undefined;
  };
  const collecting = (): boolean => stack.some((element) => element.collect !== undefined);

  /** Ends the current block (if it holds text) and starts a new line. */
  const endBlock = (): void => {
    while (out.length > blockStart && out.last() === SPACE) out.pop();
    if (out.length > blockStart) {
      const context = innermostBlock();
      const within = stack.find((element) => element.heading !== undefined);
      blocks.push({
        start: blockStart,
        end: out.length,
        ...(within?.heading ? { heading: within.heading } : {}),
        ...(stack.some((element) => element.listItem) ? { listItem: true } : {}),
        ...(context?.dropped ? { dropped: context.dropped } : {}),
        ...(context?.droppedByName ? { droppedByName: true } : {}),
        linkChars: blockLinkChars,
        ...(blockSkips.length > 0 ? { skips: blockSkips } : {}),
      });
      out.push(NEWLINE, out.lastOffset() + 1);
    }
    blockStart = out.length;
    blockLinkChars = 0;
    blockSkips = [];
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        counts.elements++;
        if (stack.length >= MAX_NESTING) {
          counts.tooDeep++;
          ignoredOpen++;
          return;
        }
        const parent = top();
        if (name === 'script') counts.scripts++;
        if (name === 'a') counts.links++;
        if (name === 'nav' || attributes.role === 'navigation') counts.navigation++;
        if (name === 'html' && attributes.lang) lang = attributes.lang;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').trim().toLowerCase();
          const content = attributes.content ?? attributes.datetime;
          if (key && content !== undefined && content.trim()) {
            if (!meta.has(key)) meta.set(key, content.trim());
            metaAll.set(key, [...(metaAll.get(key) ?? []), content.trim()]);
          }
          if (attributes.itemprop === 'datePublished' && attributes.content) times.push({ datetime: attributes.content, published: true });
        }
        if (name === 'link' && canonical === undefined && /(^|\s)canonical(\s|$)/i.test(attributes.rel ?? '') && attributes.href) canonical = attributes.href.trim();
        if (BLOCKS.has(name)) endBlock();

        const ownDrop = dropReason(name, attributes);
        const dropped = parent?.dropped ?? ownDrop?.reason;
        const droppedByName = parent?.dropped ? parent.droppedByName : ownDrop?.byName;
        const headingLevel = /^h([1-6])$/.exec(name)?.[1];
        const isJsonLd = name === 'script' && /ld\+json/i.test(attributes.type ?? '');
        const itemprop = attributes.itemprop ?? '';
        const published = /datePublished/i.test(itemprop) || /publish|posted|dateline/i.test(`${attributes.class ?? ''} ${attributes.id ?? ''}`) || 'pubdate' in attributes;
        let collect: OpenElement['collect'];
        if (name === 'title' && !stack.some((element) => element.name === 'svg')) collect = 'title';
        else if (isJsonLd) collect = 'jsonld';
        else if (name === 'h1' && !dropped) collect = 'h1';
        else if (name === 'time' || (itemprop === 'datePublished' && name !== 'meta')) collect = 'time';
        else if (isBylineElement(name, attributes)) collect = 'byline';
        if (collect && collecting()) collect = undefined;
        if (collect) collected = '';
        const datetime = attributes.datetime ?? attributes.content;

        stack.push({
          name,
          ...(dropped ? { dropped, ...(droppedByName ? { droppedByName } : {}) } : {}),
          invisible: (parent?.invisible ?? false) || INVISIBLE.has(name) || 'hidden' in attributes || attributes['aria-hidden'] === 'true' || hiddenByStyle(attributes.style),
          ...(headingLevel ? { heading: Number(headingLevel) } : {}),
          listItem: name === 'li',
          link: (parent?.link ?? false) || name === 'a',
          ...(collect ? { collect, collectStart: 0 } : { collectStart: 0 }),
          ...(datetime ? { datetime } : {}),
          published,
        });
      },
      onclosetag(name) {
        if (ignoredOpen > 0) {
          ignoredOpen--;
          return;
        }
        // htmlparser2 closes implied and void elements itself, so the stack stays balanced.
        if (!stack.some((open) => open.name === name)) return;
        // The block ends while its element is still open: its text is judged by the element's own context.
        if (BLOCKS.has(name)) endBlock();
        let element = stack.pop();
        while (element && element.name !== name) element = stack.pop();
        if (!element) return;
        if (element.collect) {
          const value = collected.replace(/\s+/g, ' ').trim();
          if (element.collect === 'title' && !title) title = value;
          else if (element.collect === 'jsonld') jsonLd.push(collected);
          else if (element.collect === 'h1' && value) h1.push(value);
          else if (element.collect === 'byline' && value && value.length < 200) bylines.push(value);
          else if (element.collect === 'time' && (element.datetime || value)) times.push({ datetime: element.datetime ?? value, published: element.published ?? false });
          collected = '';
        }
      },
      ontext(chunk) {
        const context = top();
        if (collecting()) collected += chunk;
        if (context?.invisible) return;
        // A skipped element inside a paragraph (a share button, an ad label): its text is marked, the paragraph keeps the rest.
        const skipped = context?.dropped !== undefined && !innermostBlock()?.dropped;
        const before = out.length;
        // A decoded entity arrives alone, with the span of its raw form; plain text is the HTML itself.
        const raw = parser.endIndex - parser.startIndex + 1;
        const verbatim = raw === chunk.length;
        let added = 0;
        for (let i = 0; i < chunk.length; i++) {
          const code = chunk.charCodeAt(i);
          const at = parser.startIndex + (verbatim ? i : 0);
          if (isSpace(code)) {
            if (out.length === blockStart || out.last() === SPACE) continue;
            out.push(SPACE, at);
          } else {
            out.push(code, at);
          }
          added++;
        }
        if (context?.link) blockLinkChars += added;
        if (skipped && out.length > before) {
          const previous = blockSkips[blockSkips.length - 1];
          if (previous && previous[1] >= before - 1) previous[1] = out.length;
          else blockSkips.push([before, out.length]);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(flattenDeepNesting(html, counts));
  parser.end();
  endBlock();
  if (out.last() === NEWLINE) out.pop();
  return {
    text: out.text(),
    offsets: out.offsets(),
    blocks,
    facts: {
      ...(title ? { title } : {}),
      meta,
      metaAll,
      ...(canonical ? { canonical } : {}),
      jsonLd,
      h1,
      times,
      bylines,
      ...(lang ? { lang } : {}),
    },
    counts,
  };
}

/** Why an element's content is not the page's text, from its tag, role, class and id. */
function dropReason(name: string, attributes: Record<string, string>): { reason: string; byName?: boolean } | undefined {
  const byTag = SKIPPED_TAGS[name];
  if (byTag) return { reason: byTag };
  const role = attributes.role?.toLowerCase();
  if (role && SKIPPED_ROLES[role]) return { reason: SKIPPED_ROLES[role] };
  if (name === 'body' || name === 'html' || name === 'main' || name === 'article') return undefined;
  if (!attributes.class && !attributes.id) return undefined;
  // An id made from a heading ("sharing-with-a-developer") says nothing about its role: only short ids are read word by word.
  const id = attributes.id ?? '';
  const idWords = id.split(/[-_]/).length <= 2 ? id : '';
  const words = `${attributes.class ?? ''} ${idWords}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_]+/)
    .flatMap((word) => [word, ...word.split('-')]);
  for (const word of words) {
    if (!word) continue;
    for (const [pattern, reason] of SKIPPED_WORDS) if (pattern.test(word)) return { reason, byName: true };
  }
  return undefined;
}

function isBylineElement(name: string, attributes: Record<string, string>): boolean {
  if (name === 'meta' || name === 'link' || name === 'script') return false;
  if (/(^|\s)author(\s|$)/i.test(attributes.rel ?? '')) return true;
  if (/^author$/i.test(attributes.itemprop ?? '')) return true;
  return /(^|[\s_-])(byline|author|authors|contributor)([\s_-]|$)/i.test(`${attributes.class ?? ''} ${attributes.id ?? ''}`);
}

function hiddenByStyle(style: string | undefined): boolean {
  return style !== undefined && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** ASCII whitespace, the no-break space and the other Unicode spaces that `\s` matches. */
function isSpace(code: number): boolean {
  return code <= 0x20 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Characters and their HTML offsets, grown in place: string concatenation would copy a large page over and over. */
class TextBuffer {
  private codes = new Uint16Array(1024);
  private at = new Int32Array(1024);
  length = 0;

  push(code: number, offset: number): void {
    if (this.length === this.codes.length) {
      const codes = new Uint16Array(this.length * 2);
      codes.set(this.codes);
      this.codes = codes;
      const at = new Int32Array(this.length * 2);
      at.set(this.at);
      this.at = at;
    }
    this.codes[this.length] = code;
    this.at[this.length++] = offset;
  }

  pop(): void {
    if (this.length > 0) this.length--;
  }

  last(): number {
    return this.length > 0 ? this.codes[this.length - 1] : -1;
  }

  lastOffset(): number {
    return this.length > 0 ? this.at[this.length - 1] : -1;
  }

  text(): string {
    return new TextDecoder('utf-16le').decode(this.codes.subarray(0, this.length));
  }

  offsets(): Int32Array {
    return this.at.slice(0, this.length);
  }
}
