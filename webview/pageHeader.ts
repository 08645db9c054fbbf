/**
 * The head of a page opened over the home (a topic, or passages behind a
 * fact): a back button naming where it goes, the title as the page's heading
 * (focused when the page opens, so screen readers announce it), an optional
 * subtitle and actions.
 */
import { codicon, el } from './dom';

export interface PageHeaderOptions {
  /** Where "back" goes, e.g. "Briefing" or the topic below this page. */
  readonly backLabel: string;
  onBack(): void;
}

export class PageHeader {
  readonly element: HTMLElement;
  private readonly heading = el('h1', { className: 'page-title', attrs: { tabindex: '-1' } });
  private readonly subtitle = el('p', { className: 'page-subtitle' });
  private readonly actions = el('div', { className: 'page-actions' });

  constructor(options: PageHeaderOptions) {
    const back = el(
      'button',
      { className: 'back-button', attrs: { type: 'button', title: `Back to ${options.backLabel} (Alt+Left)`, 'aria-keyshortcuts': 'Alt+ArrowLeft Escape' } },
      codicon('arrow-left'),
      el('span', { text: options.backLabel }),
    );
    back.setAttribute('aria-label', `Back to ${options.backLabel}`);
    back.addEventListener('click', () => options.onBack());
    this.subtitle.hidden = true;
    this.actions.hidden = true;
    this.element = el('div', { className: 'page-header' }, back, this.heading, this.subtitle, this.actions);
  }

  setTitle(title: string): void {
    this.heading.textContent = title;
  }

  setSubtitle(text: string, muted = false): void {
    this.subtitle.textContent = text;
    this.subtitle.classList.toggle('muted', muted);
    this.subtitle.hidden = !text;
  }

  setActions(...buttons: HTMLElement[]): void {
    this.actions.replaceChildren(...buttons);
    this.actions.hidden = buttons.length === 0;
  }

  focus(): void {
    this.heading.focus({ preventScroll: true });
  }
}

/** A text button drawn like VS Code's secondary button, with a codicon. */
export function secondaryButton(icon: string, label: string, title: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', { className: 'secondary-button', attrs: { type: 'button', title } }, codicon(icon), el('span', { text: label }));
  button.addEventListener('click', onClick);
  return button;
}
