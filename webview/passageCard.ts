/**
 * The passage card, shared by search results, related passages and pins:
 * who said it, where, the words with the matches marked, and the actions a
 * writer needs (cite, quote, copy, open, pin), by mouse or by key.
 */
import type { FromWebview, HighlightRange, PassageCard } from '../src/protocol';
import { append, codicon, el, iconButton, setIconButton } from './dom';

/** What a card needs from the panel around it. */
export interface CardHost {
  post(message: FromWebview.Message): void;
  /** ArrowUp on the first card: give focus back (to the search field). */
  leaveTop(): void;
}

type PassageActionType = FromWebview.PassageAction['type'];

interface ActionSpec {
  readonly type: PassageActionType;
  readonly icon: string;
  readonly label: string;
  readonly key: string;
}

const ACTIONS: readonly ActionSpec[] = [
  { type: 'insertCitation', icon: 'link', label: 'Insert citation', key: 'Enter' },
  { type: 'insertQuote', icon: 'quote', label: 'Insert quote', key: 'Q' },
  { type: 'copyCitation', icon: 'copy', label: 'Copy citation', key: 'C' },
  { type: 'openSource', icon: 'go-to-file', label: 'Open source', key: 'O' },
];

const KIND_LABELS: Readonly<Record<PassageCard['kind'], string | undefined>> = {
  paragraph: undefined,
  'question-answer': 'Q&A',
  'table-row': 'Table',
  callout: 'Callout',
};

/** Id of the shared, visually hidden element that tells screen readers the card keys. */
export const CARD_KEYS_HINT_ID = 'card-keys-hint';

/** The text behind {@link CARD_KEYS_HINT_ID}. */
export const CARD_KEYS_HINT =
  'Enter inserts a citation, Q a quote, C copies the citation, O opens the source, P pins. Arrow keys move between passages.';

const CARD_SELECTOR = '.passage-card';

/** Builds the card for one passage. All corpus strings are set as text. */
export function renderPassageCard(card: PassageCard, host: CardHost): HTMLElement {
  const article = el('article', {
    className: 'passage-card',
    attrs: {
      tabindex: '0',
      'aria-label': [card.source, card.heading ?? (card.title === card.source ? undefined : card.title)].filter(Boolean).join(': '),
      'aria-describedby': CARD_KEYS_HINT_ID,
      'aria-keyshortcuts': 'Enter Q C O P',
    },
  });
  article.dataset.passageId = card.passageId;

  const actions = el('div', { className: 'card-actions', attrs: { role: 'toolbar', 'aria-label': 'Passage actions' } });
  for (const action of ACTIONS) {
    const button = iconButton(action.icon, `${action.label} (${action.key})`);
    button.dataset.action = action.type;
    button.addEventListener('click', () => host.post({ type: action.type, passageId: card.passageId }));
    actions.append(button);
  }
  const pin = iconButton('pin', 'Pin (P)');
  pin.classList.add('pin');
  pin.addEventListener('click', () => togglePin(article, host));
  actions.append(pin);

  append(
    article,
    el('div', { className: 'card-header' }, renderSourceLine(card), el('span', { className: 'pin-indicator', attrs: { title: 'Pinned' } }, codicon('pinned')), actions),
    renderHeadingLine(card),
    renderSnippet(card.snippet, card.highlights),
  );
  setCardPinned(article, card.pinned);

  article.addEventListener('keydown', (event) => onCardKeydown(event, article, host));
  article.addEventListener('dblclick', (event) => {
    if ((event.target as Element).closest('button')) return;
    host.post({ type: 'openSource', passageId: card.passageId });
  });
  return article;
}

/**
 * Replaces the cards in `list`. When the keyboard was on one of them, it stays
 * on the same passage, or else on the card that took its place, so a refresh
 * (new pins, the cursor moving on) does not drop focus to the page.
 */
export function renderCardList(list: HTMLElement, cards: readonly PassageCard[], host: CardHost): void {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(CARD_SELECTOR) : null;
  const hadFocus = focused !== null && list.contains(focused);
  const index = hadFocus ? [...list.querySelectorAll(CARD_SELECTOR)].indexOf(focused) : -1;
  list.replaceChildren(...cards.map((card) => renderPassageCard(card, host)));
  if (!hadFocus) return;
  const rendered = [...list.querySelectorAll<HTMLElement>(CARD_SELECTOR)];
  const target = rendered.find((card) => card.dataset.passageId === focused.dataset.passageId) ?? rendered[Math.min(index, rendered.length - 1)];
  if (target) target.focus();
  else host.leaveTop();
}

/** Shows a card's pin state (after a click, or when the pins change elsewhere). */
export function setCardPinned(article: HTMLElement, pinned: boolean): void {
  article.classList.toggle('pinned', pinned);
  const button = article.querySelector<HTMLButtonElement>('button.pin');
  if (!button) return;
  // The name says what pressing does (as VS Code's own pin actions do), so no aria-pressed too.
  setIconButton(button, pinned ? 'pinned' : 'pin', pinned ? 'Unpin (P)' : 'Pin (P)');
}

/** Brings every rendered card in line with the current pins. */
export function syncPinnedCards(root: ParentNode, pinnedIds: ReadonlySet<string>): void {
  for (const article of root.querySelectorAll<HTMLElement>(CARD_SELECTOR)) {
    setCardPinned(article, pinnedIds.has(article.dataset.passageId ?? ''));
  }
}

/** Focuses the first visible card under `root`; false when there is none. */
export function focusFirstCard(root: ParentNode): boolean {
  const first = visibleCards(root)[0];
  first?.focus();
  return first !== undefined;
}

// --- rendering

function renderSourceLine(card: PassageCard): HTMLElement {
  const line = el('div', { className: 'card-source' });
  const parts: HTMLElement[] = [el('span', { className: 'source', text: card.source })];
  // Without an outlet or author the source already is the title: do not say it twice.
  if (card.title && card.title !== card.source) parts.push(el('span', { className: 'title', text: card.title }));
  if (card.date && card.date !== 'n.d.') parts.push(el('span', { className: 'date', text: card.date }));
  // The " · " between parts is drawn by the stylesheet, read as a comma.
  line.append(...parts);
  line.title = [card.source, card.title !== card.source ? card.title : '', card.date].filter(Boolean).join(' · ');
  return line;
}

function renderHeadingLine(card: PassageCard): HTMLElement | null {
  const kind = KIND_LABELS[card.kind];
  if (!card.heading && !kind && !card.cited && card.collection === undefined && !card.language) return null;
  const line = el('div', { className: 'card-heading' });
  // A source in another language than the briefing's says which, before anything else.
  if (card.language) line.append(el('span', { className: 'tag lang', text: card.language.code, attrs: { title: `In ${card.language.name}`, 'aria-label': card.language.name } }));
  if (card.collection !== undefined) {
    line.append(el('span', { className: 'tag archive', text: `archive · ${card.collection}`, attrs: { title: `From the shared archive, collection ${card.collection}` } }));
  }
  if (kind) line.append(el('span', { className: 'tag', text: kind }));
  if (card.cited) line.append(el('span', { className: 'tag cited', text: 'cited', attrs: { title: 'Already cited in this document' } }));
  if (card.heading) line.append(el('span', { className: 'heading', text: card.heading }));
  return line;
}

/** The snippet as text nodes, with each highlight range wrapped in `<mark>`. */
export function renderSnippet(snippet: string, highlights: readonly HighlightRange[]): HTMLElement {
  const paragraph = el('p', { className: 'snippet' });
  let position = 0;
  for (const range of normalizeRanges(highlights, snippet.length)) {
    if (range.start > position) paragraph.append(snippet.slice(position, range.start));
    paragraph.append(el('mark', { text: snippet.slice(range.start, range.end) }));
    position = range.end;
  }
  if (position < snippet.length) paragraph.append(snippet.slice(position));
  return paragraph;
}

/** Sorted, clamped to the text, overlaps merged: the ranges come from elsewhere. */
function normalizeRanges(ranges: readonly HighlightRange[], length: number): HighlightRange[] {
  const sorted = ranges
    .map((range) => ({ start: Math.max(0, Math.min(range.start, length)), end: Math.max(0, Math.min(range.end, length)) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

// --- behaviour

function togglePin(article: HTMLElement, host: CardHost): void {
  const pinned = !article.classList.contains('pinned');
  // Optimistic: the extension answers with the new pins, which settle every card.
  setCardPinned(article, pinned);
  host.post({ type: 'pin', passageId: article.dataset.passageId ?? '', pinned });
}

const KEY_ACTIONS: Readonly<Record<string, PassageActionType>> = {
  Enter: 'insertCitation',
  q: 'insertQuote',
  c: 'copyCitation',
  o: 'openSource',
};

function onCardKeydown(event: KeyboardEvent, article: HTMLElement, host: CardHost): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    moveCardFocus(article, event.key === 'ArrowDown' ? 1 : -1, host);
    return;
  }
  // Letter keys and Enter act on the card only when the card itself has focus,
  // so Enter on one of its buttons still presses that button.
  if (event.target !== article) return;
  const passageId = article.dataset.passageId ?? '';
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const type = KEY_ACTIONS[key];
  if (type) {
    event.preventDefault();
    flash(article, `button[data-action="${type}"]`);
    host.post({ type, passageId });
  } else if (key === 'p') {
    event.preventDefault();
    flash(article, 'button.pin');
    togglePin(article, host);
  }
}

function moveCardFocus(from: HTMLElement, delta: 1 | -1, host: CardHost): void {
  const cards = visibleCards(document);
  const next = cards[cards.indexOf(from) + delta];
  if (next) {
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  } else if (delta < 0) {
    host.leaveTop();
  }
}

function visibleCards(root: ParentNode): HTMLElement[] {
  // Cards inside collapsed sections or hidden views have no layout box.
  return [...root.querySelectorAll<HTMLElement>(CARD_SELECTOR)].filter((card) => card.getClientRects().length > 0);
}

/** A brief highlight of the button a key stood in for, so the key visibly did something. */
function flash(article: HTMLElement, selector: string): void {
  const button = article.querySelector<HTMLElement>(selector);
  if (!button) return;
  button.classList.add('flash');
  setTimeout(() => button.classList.remove('flash'), 300);
}

