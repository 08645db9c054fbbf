/**
 * Search results: the count line under the search field (a polite live
 * region, so screen readers hear "12 passages" without losing their place)
 * and the list of passage cards.
 */
import type { PassageCard } from '../src/protocol';
import { count, el, replaceChildren } from './dom';
import { renderCardList, type CardHost } from './passageCard';

export class ResultsView {
  /** The list; hidden while the briefing home shows. */
  readonly element = el('div', { className: 'results card-list', attrs: { 'aria-label': 'Search results' } });
  /** The count line; lives in the sticky header so it stays in view and in the page. */
  readonly status = el('div', { className: 'search-status', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });

  constructor(private readonly host: CardHost) {}

  show(query: string, cards: readonly PassageCard[]): void {
    renderCardList(this.element, cards, this.host);
    if (cards.length > 0) {
      replaceChildren(this.status, el('span', { text: count(cards.length, 'passage') }));
    } else {
      replaceChildren(
        this.status,
        el('span', { className: 'no-match', text: `No passages match “${query}”` }),
        el('span', { className: 'hint', text: 'Try fewer words, another spelling, or a name or number from your sources.' }),
      );
    }
  }

  /** Back to the home: no count to show. */
  clear(): void {
    this.element.replaceChildren();
    this.status.replaceChildren();
  }
}
