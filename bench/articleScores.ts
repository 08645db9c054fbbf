/**
 * How the article eval judges a title, a date and an author against a key:
 * the same words (case, curly quotes, dashes and spacing aside), the same
 * day, the same people.
 */

/** Text as a reader compares it: case, quote and dash styles, ellipses and spacing do not count. */
export function comparableText(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/…/g, '...')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export function sameTitle(key: string | undefined, found: string | undefined): boolean {
  return comparableText(key) !== '' && comparableText(key) === comparableText(found);
}

/** A title that leaves out only the site's name the key carries ("Talks resume" for "Talks resume | The Courier"). */
export function sameTitleButSite(key: string | undefined, found: string | undefined): boolean {
  if (!key || !found) return false;
  if (sameTitle(key, found)) return true;
  const [whole, part] = [comparableText(key), comparableText(found)];
  const rest = whole.startsWith(part) ? whole.slice(part.length) : whole.endsWith(part) ? whole.slice(0, whole.length - part.length) : undefined;
  return rest !== undefined && /^\s*[|\-·:»•/]\s*[^|]{1,60}$|^[^|]{1,60}\s*[|\-·:»•/]\s*$/.test(rest) && rest.split(/\s+/).filter(Boolean).length <= 7;
}

/** The same day (or month or year, when that is all the key gives). */
export function sameDay(key: string | undefined, found: string | undefined): boolean {
  if (!key || !found) return false;
  const day = key.slice(0, 10);
  return found.slice(0, day.length) === day;
}

/** Each person the key names ("Ana Petrova, Li Wei and Sam Roe") as the people of a byline. */
function people(byline: string): string[][] {
  return comparableText(byline)
    .replace(/^(written |story |words )?by:?\s+/, '')
    .split(/\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*/)
    .map((name) => name.split(/[\s.]+/).filter((word) => word.length > 1))
    .filter((words) => words.length > 0);
}

/**
 * The author found names the key's people: each person's first and last
 * name appear in it (a middle initial may differ), and it names no more
 * than they do (a whole byline blob with dates and titles is not an author).
 */
export function sameAuthor(key: string | undefined, found: string | undefined): boolean {
  if (!key || !found) return false;
  const wanted = people(key);
  const words = new Set(people(found).flat());
  const allNamed = wanted.every((person) => words.has(person[0]) && words.has(person[person.length - 1]));
  return allNamed && words.size <= wanted.flat().length + 2 * wanted.length;
}
