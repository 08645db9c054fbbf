/**
 * "Related to what you're writing": passages that follow the paragraph under
 * the editor's cursor, with the switch that turns the following on and off.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { PassageCard } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { renderCardList, type CardHost } from './passageCard';

/** The home is a briefing too: a few related passages, the rest on request. */
const SHORT_LIST = 3;

export interface RelatedHost extends CardHost {
  setFollowCursor(enabled: boolean): void;
}

export class RelatedView {
  /** Goes into the section's body. */
  readonly element: HTMLElement;
  private readonly toggle = document.createElement('vscode-checkbox');
  private readonly caption = el('p', { className: 'related-caption' });
  private readonly message = el('p', { className: 'muted-line' });
  private readonly list = el('div', { className: 'card-list' });
  private readonly more = el('button', { className: 'link-button show-more', attrs: { type: 'button' } });
  /** "Show all" was pressed for the paragraph now followed. */
  private expanded = false;
  private followCursor = true;
  private context = '';
  private cards: readonly PassageCard[] = [];

  constructor(
    private readonly host: RelatedHost,
    private readonly onCountChange: (count: number | undefined) => void,
  ) {
    this.toggle.toggle = true;
    this.toggle.checked = true;
    this.toggle.label = 'Follow the cursor';
    this.toggle.className = 'follow-toggle';
    this.toggle.addEventListener('change', () => {
      this.followCursor = this.toggle.checked;
      this.host.setFollowCursor(this.followCursor);
      this.render();
    });
    this.more.addEventListener('click', () => {
      this.expanded = true;
      this.render();
      this.list.querySelectorAll<HTMLElement>('.passage-card')[SHORT_LIST]?.focus();
    });
    this.element = el('div', { className: 'related' }, el('div', { className: 'related-controls' }, this.toggle), this.caption, this.message, this.list, this.more);
    this.render();
  }

  /** The `settings.followCursor` value from the extension. */
  setFollowCursor(enabled: boolean): void {
    this.followCursor = enabled;
    this.toggle.checked = enabled;
    this.render();
  }

  show(context: string, cards: readonly PassageCard[]): void {
    if (context !== this.context) this.expanded = false;
    this.context = context;
    this.cards = cards;
    this.render();
  }

  private render(): void {
    const on = this.followCursor;
    this.caption.hidden = !on || !this.context;
    if (!this.caption.hidden) {
      replaceChildren(this.caption, el('span', { className: 'caption-label', text: 'After ' }), el('q', { text: this.context }));
      this.caption.title = this.context;
    }
    let message = '';
    if (!on) message = 'Following is off. Turn it on to see passages related to the paragraph you’re writing.';
    else if (!this.context) message = 'Put the cursor in a paragraph of your draft to see related passages here.';
    else if (this.cards.length === 0) message = 'Nothing in your sources matches this paragraph yet.';
    this.message.textContent = message;
    this.message.hidden = !message;
    const shown = !on ? [] : this.expanded ? this.cards : this.cards.slice(0, SHORT_LIST);
    renderCardList(this.list, shown, this.host);
    this.more.hidden = !on || shown.length === this.cards.length;
    this.more.textContent = `Show all ${this.cards.length}`;
    this.onCountChange(on && this.cards.length > 0 ? this.cards.length : undefined);
  }
}
