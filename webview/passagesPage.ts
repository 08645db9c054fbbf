/**
 * The passages behind one item of the briefing (a fact, a statement, a date,
 * a person), under a title that says which, as the usual passage cards: in
 * full, with the item's words marked.
 */
import type { PassageCard } from '../src/protocol';
import { count, el } from './dom';
import { markCards } from './marks';
import { PageHeader } from './pageHeader';
import { renderCardList, type CardHost } from './passageCard';

export interface PassagesPageHost extends CardHost {
  back(): void;
}

export class PassagesPage {
  readonly element: HTMLElement;
  private readonly header: PageHeader;
  private readonly status = el('p', { className: 'muted-line page-status', attrs: { role: 'status' } });
  private readonly list = el('div', { className: 'card-list', attrs: { 'aria-label': 'Passages' } });

  constructor(
    readonly title: string,
    private readonly marks: readonly string[],
    backLabel: string,
    private readonly host: PassagesPageHost,
  ) {
    this.header = new PageHeader({ backLabel, onBack: () => host.back() });
    this.header.setTitle(title);
    this.status.textContent = 'Finding the passages…';
    this.element = el('article', { className: 'page passages-page', attrs: { 'aria-label': title } }, this.header.element, this.status, this.list);
  }

  show(cards: readonly PassageCard[]): void {
    this.header.setSubtitle(cards.length > 0 ? `${count(cards.length, 'passage')}${sourceCount(cards)}` : '', true);
    this.status.hidden = cards.length > 0;
    this.status.textContent = cards.length > 0 ? '' : 'These passages are no longer in your sources.';
    renderCardList(this.list, markCards(cards, this.marks), this.host);
  }

  fail(message: string): void {
    this.status.hidden = false;
    this.status.textContent = `Could not show these passages: ${message}`;
  }

  focus(): void {
    this.header.focus();
  }
}

/** " in 2 sources", or nothing when they all come from one. */
function sourceCount(cards: readonly PassageCard[]): string {
  const sources = new Set(cards.map((card) => card.docId)).size;
  return sources > 1 ? ` in ${count(sources, 'source')}` : '';
}
