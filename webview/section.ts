/**
 * A collapsible section of the briefing, drawn like a VS Code sidebar pane
 * header: a real button with `aria-expanded`, a chevron, an uppercase title
 * and a count; on the right, "Show all N" when the section shows only its
 * best items. Collapsing is remembered in the view state.
 */
import { codicon, el } from './dom';

export interface SectionOptions {
  readonly id: string;
  readonly title: string;
  readonly collapsed: boolean;
  onToggle(collapsed: boolean): void;
}

export class Section {
  readonly element: HTMLElement;
  /** Where the section's content goes. */
  readonly body: HTMLElement;
  private readonly header: HTMLButtonElement;
  private readonly chevron: HTMLElement;
  private readonly countBadge: HTMLElement;
  private readonly moreButton: HTMLButtonElement;
  private onMore: (() => void) | undefined;

  constructor(private readonly options: SectionOptions) {
    const bodyId = `section-${options.id}`;
    const titleId = `${bodyId}-title`;
    this.chevron = codicon('chevron-down', 'chevron');
    this.countBadge = el('span', { className: 'section-count' });
    this.header = el(
      'button',
      { className: 'section-header', attrs: { type: 'button', 'aria-controls': bodyId, id: titleId } },
      this.chevron,
      el('span', { className: 'section-title', text: options.title }),
      this.countBadge,
    );
    this.moreButton = el('button', { className: 'section-more', attrs: { type: 'button', 'aria-controls': bodyId } });
    this.moreButton.hidden = true;
    this.moreButton.addEventListener('click', () => this.onMore?.());
    this.body = el('div', { className: 'section-body', attrs: { id: bodyId, role: 'region', 'aria-labelledby': titleId } });
    this.element = el('section', { className: 'home-section' }, el('h2', { className: 'section-heading' }, this.header, this.moreButton), this.body);
    this.element.dataset.section = options.id;
    this.header.addEventListener('click', () => {
      const collapsed = !this.body.hidden;
      this.setCollapsed(collapsed);
      this.options.onToggle(collapsed);
    });
    this.setCollapsed(options.collapsed);
  }

  /** Shows a count beside the title (e.g. the number of sources); undefined hides it. */
  setCount(value: number | undefined): void {
    this.countBadge.textContent = value === undefined ? '' : value.toLocaleString('en');
    this.countBadge.hidden = value === undefined;
  }

  /** The header's "Show all N" (or "Show fewer") and what pressing it does; undefined when every item shows anyway. */
  setMore(label: string | undefined, onMore?: () => void): void {
    this.moreButton.textContent = label ?? '';
    this.moreButton.hidden = label === undefined || this.body.hidden;
    this.onMore = onMore;
  }

  /** Hides the whole section, e.g. Pinned when nothing is pinned. */
  setHidden(hidden: boolean): void {
    this.element.hidden = hidden;
  }

  get collapsed(): boolean {
    return this.body.hidden;
  }

  /** Opens the section without recording it as the user's choice (the content asks for it, e.g. a contradiction). */
  open(): void {
    this.setCollapsed(false);
  }

  private setCollapsed(collapsed: boolean): void {
    this.body.hidden = collapsed;
    this.moreButton.hidden = collapsed || !this.moreButton.textContent;
    this.header.setAttribute('aria-expanded', String(!collapsed));
    this.chevron.className = `codicon codicon-${collapsed ? 'chevron-right' : 'chevron-down'} chevron`;
  }
}
