/**
 * Search results: the count line under the search field (a polite live
 * region, so screen readers hear "12 passages" without losing their place),
 * an offer to brief on what was typed, and the list of passage cards.
 */
import type { PassageCard } from '../src/protocol';
import { codicon, count, el, replaceChildren } from './dom';
import { renderCardList, type CardHost } from './passageCard';

export interface ResultsHost extends CardHost {
  /** Opens a free-text topic page on what was typed. */
  briefOn(query: string): void;
}

export class ResultsView {
  /** The list; hidden while the briefing home shows. */
  readonly element = el('div', { className: 'results card-list', attrs: { 'aria-label': 'Search results' } });
  /** The count line; lives in the sticky header so it stays in view and in the page. */
  readonly status = el('div', { className: 'search-status' });
  private readonly live = el('div', { attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  private readonly briefButton = el('button', { className: 'link-button brief-me', attrs: { type: 'button' } });
  private query = '';

  constructor(private readonly host: ResultsHost) {
    this.briefButton.addEventListener('click', () => this.host.briefOn(this.query));
    this.briefButton.hidden = true;
    this.status.append(this.live, this.briefButton);
  }

  show(query: string, cards: readonly PassageCard[]): void {
    this.query = query;
    renderCardList(this.element, cards, this.host);
    if (cards.length > 0) {
      replaceChildren(this.live, el('span', { text: count(cards.length, 'passage') }));
    } else {
      replaceChildren(
        this.live,
        el('span', { className: 'no-match', text: `No passages match “${query}”` }),
        el('span', { className: 'hint', text: 'Try fewer words, another spelling, or a name or number from your sources.' }),
      );
    }
    replaceChildren(this.briefButton, codicon('book'), el('span', { text: `Brief me on “${query}”` }));
    this.briefButton.title = `A briefing page on “${query}”: key passages, facts, who said what and the people involved`;
    this.briefButton.hidden = cards.length === 0;
  }

  /** Back to the home: no count to show. */
  clear(): void {
    this.element.replaceChildren();
    this.live.replaceChildren();
    this.briefButton.replaceChildren();
    this.briefButton.hidden = true;
    this.query = '';
  }
}
