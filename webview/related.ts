/**
 * "Related to what you're writing": passages that follow the paragraph under
 * the editor's cursor, with the switch that turns the following on and off.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { PassageCard } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { renderCardList, type CardHost } from './passageCard';

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
    this.element = el('div', { className: 'related' }, el('div', { className: 'related-controls' }, this.toggle), this.caption, this.message, this.list);
    this.render();
  }

  /** The `settings.followCursor` value from the extension. */
  setFollowCursor(enabled: boolean): void {
    this.followCursor = enabled;
    this.toggle.checked = enabled;
    this.render();
  }

  show(context: string, cards: readonly PassageCard[]): void {
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
    renderCardList(this.list, on ? this.cards : [], this.host);
    this.onCountChange(on && this.cards.length > 0 ? this.cards.length : undefined);
  }
}
