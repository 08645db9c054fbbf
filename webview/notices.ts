/**
 * Inline banners for the extension's notices ("the index is being rebuilt",
 * "could not open the source"), each dismissible. Errors and warnings are
 * alerts, information is a status, so screen readers interrupt only for trouble.
 */
import type { ToWebview } from '../src/protocol';
import { codicon, el, iconButton } from './dom';

/** Older notices give way: a panel is not a log. */
const MAX_NOTICES = 3;

const ICONS: Readonly<Record<ToWebview.Notice['level'], string>> = { info: 'info', warning: 'warning', error: 'error' };

export class Notices {
  readonly element = el('div', { className: 'notices' });

  /** `onFocusLost`: a dismissed banner had the keyboard focus; put it somewhere useful. */
  constructor(private readonly onFocusLost: () => void) {}

  show(notice: Pick<ToWebview.Notice, 'level' | 'message'>): void {
    // The same message again replaces the old banner rather than stacking.
    for (const old of this.element.querySelectorAll<HTMLElement>('.notice')) {
      if (old.dataset.message === notice.message) old.remove();
    }
    const dismiss = iconButton('close', 'Dismiss', 'action dismiss');
    const banner = el(
      'div',
      { className: `notice notice-${notice.level}`, attrs: { role: notice.level === 'info' ? 'status' : 'alert' } },
      codicon(ICONS[notice.level], 'notice-icon'),
      el('span', { className: 'notice-message', text: notice.message }),
      dismiss,
    );
    banner.dataset.message = notice.message;
    dismiss.addEventListener('click', () => {
      const hadFocus = banner.contains(document.activeElement);
      banner.remove();
      if (hadFocus) this.onFocusLost();
    });
    this.element.append(banner);
    while (this.element.childElementCount > MAX_NOTICES) this.element.firstElementChild?.remove();
  }
}
