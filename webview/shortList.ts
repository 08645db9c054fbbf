/**
 * A list that shows its first few rows and a "Show all N" button for the
 * rest, so a long section does not push everything below it out of sight.
 */
import { el } from './dom';

export interface ShortListOptions {
  /** The list's accessible name. */
  readonly label: string;
  /** Rows shown before "Show all"; all of them when the list is no longer. */
  readonly limit: number;
  readonly className?: string;
  /** The button's text for `total` rows; "Show all N" unless given. */
  readonly more?: (total: number) => string;
}

/** A `<ul>` of `rows` (each wrapped in an `<li>`), short until "Show all" is pressed. */
export function renderShortList(rows: readonly HTMLElement[], options: ShortListOptions): HTMLElement {
  const list = el('ul', { className: options.className ?? 'rows', attrs: { 'aria-label': options.label } });
  const items = rows.map((row) => (row instanceof HTMLLIElement ? row : el('li', {}, row)));
  list.append(...items.slice(0, options.limit));
  if (items.length <= options.limit) return list;
  const more = el('button', { className: 'link-button show-more', text: options.more?.(items.length) ?? `Show all ${items.length}`, attrs: { type: 'button' } });
  more.addEventListener('click', () => {
    const next = items[options.limit];
    list.append(...items.slice(options.limit));
    more.remove();
    // Keep the keyboard where the reader was: on the first row that appeared.
    next?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
  });
  return el('div', { className: 'short-list' }, list, more);
}
