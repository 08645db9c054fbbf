/**
 * The search field at the top of the panel. It searches as you type (after a
 * short pause), numbers each request, and knows which answer is the latest,
 * so results for an older query arriving late are dropped.
 */
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { MAX_QUERY_LENGTH, type FromWebview } from '../src/protocol';
import { codicon, el, iconButton } from './dom';

/** Long enough to skip a burst of keystrokes, short enough to feel instant. */
const DEBOUNCE_MS = 60;

export interface SearchBoxHost {
  post(message: FromWebview.Search): void;
  /** The query changed (typed, cleared or set): '' means show the briefing home. */
  onQueryChange(query: string): void;
  /** ArrowDown in the field: move into the list; false when there is nothing to move to. */
  focusFirstCard(): boolean;
}

export class SearchBox {
  readonly element: HTMLElement;
  private readonly field = document.createElement('vscode-textfield');
  private readonly clearButton = iconButton('close', 'Clear search', 'action clear');
  private latestRequestId = 0;
  /** The request whose answer is awaited; undefined when the field is empty. */
  private awaitedRequestId: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: SearchBoxHost) {
    this.field.className = 'search-field';
    this.field.label = 'Search sources';
    this.field.placeholder = 'Search sources…';
    this.field.maxLength = MAX_QUERY_LENGTH;
    this.field.setAttribute('aria-label', 'Search sources');
    this.clearButton.slot = 'content-after';
    this.clearButton.hidden = true;
    const icon = codicon('search', 'search-icon');
    icon.slot = 'content-before';
    this.field.append(icon, this.clearButton);
    this.element = el('div', { className: 'search-box', attrs: { role: 'search' } }, this.field);

    this.field.addEventListener('input', () => this.onInput());
    this.field.addEventListener('keydown', (event) => this.onKeydown(event));
    this.clearButton.addEventListener('click', () => {
      this.setQuery('');
      this.focus();
    });
  }

  /** The text in the field, as typed. */
  get query(): string {
    return this.field.value;
  }

  focus(): void {
    this.field.focus();
  }

  /** Puts `query` into the field and searches for it at once. */
  setQuery(query: string): void {
    this.field.value = query.slice(0, MAX_QUERY_LENGTH);
    this.changed(0);
  }

  /** Whether `requestId` answers the latest search sent (older answers are stale). */
  isCurrent(requestId: number): boolean {
    return requestId === this.awaitedRequestId;
  }

  private onInput(): void {
    this.changed(DEBOUNCE_MS);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.field.value) {
      event.preventDefault();
      event.stopPropagation();
      this.setQuery('');
    } else if (event.key === 'ArrowDown' && !event.altKey && this.host.focusFirstCard()) {
      event.preventDefault();
    }
  }

  private changed(delay: number): void {
    const query = this.field.value.trim();
    this.clearButton.hidden = this.field.value === '';
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!query) {
      // Nothing to wait for: an answer still in flight must not replace the home.
      this.awaitedRequestId = undefined;
      this.host.onQueryChange('');
      return;
    }
    this.host.onQueryChange(query);
    const send = (): void => {
      this.timer = undefined;
      this.awaitedRequestId = ++this.latestRequestId;
      this.host.post({ type: 'search', requestId: this.awaitedRequestId, query });
    };
    if (delay > 0) this.timer = setTimeout(send, delay);
    else send();
  }
}
