/**
 * "Related to what you're writing": passages that follow the paragraph under
 * the editor's cursor, with the switch that turns the following on and off.
 * On the home it shows the best passage; the section's "Show all" the rest.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { PassageCard } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { renderCardList, type CardHost } from './passageCard';

/** The home is a briefing too: the best related passage, the rest on request. */
const SHORT_LIST = 1;

export interface RelatedHost extends CardHost {
  setFollowCursor(enabled: boolean): void;
}

/** Tells the section how many passages show of how many, and whether all were asked for. */
export type RelatedCount = (shown: number, total: number, expanded: boolean) => void;

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
    /** "Show all" was pressed: every related passage shows, for every paragraph, until "Show fewer". */
    private expanded: boolean,
    private readonly onCount: RelatedCount,
  ) {
    this.toggle.toggle = true;
    this.toggle.checked = true;
    this.toggle.label = 'Follow';
    this.toggle.title = 'Follow the cursor: show passages related to the paragraph you are writing';
    this.toggle.className = 'follow-toggle';
    this.toggle.addEventListener('change', () => {
      this.followCursor = this.toggle.checked;
      this.host.setFollowCursor(this.followCursor);
      this.render();
    });
    this.element = el('div', { className: 'related' }, el('div', { className: 'related-controls' }, this.caption, this.toggle), this.message, this.list);
    this.render();
  }

  /** The `settings.followCursor` value from the extension. */
  setFollowCursor(enabled: boolean): void {
    this.followCursor = enabled;
    this.toggle.checked = enabled;
    this.render();
  }

  setExpanded(expanded: boolean): void {
    this.expanded = expanded;
    this.render();
    if (expanded) this.list.querySelectorAll<HTMLElement>('.passage-card')[SHORT_LIST]?.focus();
  }

  show(context: string, cards: readonly PassageCard[]): void {
    this.context = context;
    this.cards = cards;
    this.render();
  }

  /** Draws again (the section was opened: its header's "Show all" comes back). */
  refresh(): void {
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
    this.onCount(shown.length, on ? this.cards.length : 0, this.expanded);
  }
}
