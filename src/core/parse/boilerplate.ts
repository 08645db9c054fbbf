import type { DropReason } from '../model';

/**
 * Recognises the lines scraped news carries that are not the story:
 * share buttons, promotions of unrelated stories, comment widgets, HTML
 * left over from the page, calls to subscribe, prompts to the reader.
 */
const rules: ReadonlyArray<{ reason: DropReason; test: (line: string) => boolean }> = [
  {
    reason: 'share-buttons',
    test: (line) => /^[-•*]?\s*(get link|x|other apps|facebook|twitter|pinterest|email|whatsapp|share|print)$/i.test(line),
  },
  { reason: 'see-also', test: (line) => /^(see also|read also|read more|related|also read)\s*:/i.test(line) },
  { reason: 'comments', test: (line) => /^(comments?|post a comment|leave a (comment|reply)|\d+ comments?)$/i.test(line) },
  // Residue of page markup: an attribute's tail (`…text.">`) or a line that is mostly tags.
  { reason: 'html-fragment', test: (line) => /"\s*\/?>\s*$/.test(line) || markupShare(line) > 0.5 },
  {
    reason: 'subscribe',
    test: (line) => line.length < 300 && /\b(subscribe|sign up for (our|the) newsletter|follow us on)\b/i.test(line),
  },
  { reason: 'reader-prompt', test: (line) => /^(share your thoughts|what do you think|tell us)\b[^.]*[:?]/i.test(line) },
  { reason: 'separator', test: (line) => /^([-*_=]\s*){1,}$/.test(line) },
  {
    reason: 'cookie-notice',
    test: (line) =>
      line.length < 600 &&
      /\b((we|this (web)?site|our (web)?site|our partners) (use|uses|store|place)s? cookies|cookie (policy|settings|preferences|consent)|accept (all )?cookies|manage (your )?(cookie|privacy) (settings|preferences))\b/i.test(line),
  },
  { reason: 'advertising', test: (line) => /^(advertisement|advertising|sponsored( content)?|ad|paid content|(story|article) continues below( this)?( advertisement)?|continue reading (below|the main story))$/i.test(line) },
  {
    reason: 'navigation',
    test: (line) => /^(skip to (main )?(content|navigation)|jump to (main )?(content|navigation)|back to top|sign in|log ?in|menu|close|search|watch now|play video|click to expand|show more|load more)$/i.test(line),
  },
];

/** The reason a line is boilerplate, or undefined when it is content. */
export function boilerplateReason(line: string): DropReason | undefined {
  return rules.find((rule) => rule.test(line))?.reason;
}

/** "by Jhon Lennon 43 views" → author and view count; undefined for other lines. */
export function parseByline(line: string): { author: string; views?: number } | undefined {
  const match = /^[Bb]y\s+([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})(?:\s+([\d,]+)\s+views?)?\s*$/u.exec(line);
  if (!match) return undefined;
  const views = match[2] ? Number(match[2].replace(/,/g, '')) : undefined;
  return views === undefined ? { author: match[1] } : { author: match[1], views };
}

/** "Subscribe to World Today News for ..." → "World Today News". */
export function outletFromSubscribeCall(line: string): string | undefined {
  const match = /[Ss]ubscribe to ((?:the )?[\p{Lu}][\p{L}’'&.-]*(?:\s+[\p{Lu}][\p{L}’'&.-]*){0,5})/u.exec(line);
  return match?.[1];
}

/** The share of a line's characters that sit inside <tags>. */
function markupShare(line: string): number {
  const tagged = [...line.matchAll(/<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi)].reduce((sum, match) => sum + match[0].length, 0);
  return line.length === 0 ? 0 : tagged / line.length;
}
