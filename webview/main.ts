/**
 * The panel's entry point: builds the views, connects them to the extension
 * and to the saved state, and routes the extension's messages.
 */
import type { ToWebview } from '../src/protocol';
import { el } from './dom';
import { HomeView } from './home';
import { Notices } from './notices';
import { CARD_KEYS_HINT, CARD_KEYS_HINT_ID, focusFirstCard, syncPinnedCards, type CardHost } from './passageCard';
import { ResultsView } from './results';
import { SearchBox } from './searchBox';
import { ViewState } from './state';
import { post } from './vscodeApi';

const state = new ViewState();
const main = el('main', { className: 'content' });

const cardHost: CardHost = {
  post,
  leaveTop: () => searchBox.focus(),
};
const searchBox = new SearchBox({
  post,
  onQueryChange: (query) => {
    state.setQuery(query);
    if (!query) showHome();
  },
  focusFirstCard: () => focusFirstCard(main),
});
const results = new ResultsView(cardHost);
const home = new HomeView({
  ...cardHost,
  setFollowCursor: (enabled) => post({ type: 'setFollowCursor', enabled }),
  search: (query) => {
    searchBox.setQuery(query);
    searchBox.focus();
  },
  isCollapsed: (id) => state.isCollapsed(id),
  setCollapsed: (id, collapsed) => state.setCollapsed(id, collapsed),
});
const notices = new Notices(() => searchBox.focus());

main.append(home.element, results.element);
results.element.hidden = true;
const header = el('header', { className: 'panel-header' }, searchBox.element, results.status, notices.element);
document.body.append(
  header,
  el('p', { className: 'visually-hidden', text: CARD_KEYS_HINT, attrs: { id: CARD_KEYS_HINT_ID } }),
  main,
);

// --- scroll position: saved as it changes, restored once the first content is in

let pendingScroll: number | undefined = state.scrollTop > 0 ? state.scrollTop : undefined;
let shownQuery: string | undefined;

function restoreScroll(): void {
  if (pendingScroll === undefined) return;
  window.scrollTo({ top: pendingScroll });
  pendingScroll = undefined;
}

window.addEventListener(
  'scroll',
  () => {
    state.setScrollTop(window.scrollY);
    // VS Code draws a shadow under a header that content scrolls beneath.
    header.classList.toggle('scrolled', window.scrollY > 0);
  },
  { passive: true },
);
window.addEventListener('pagehide', () => state.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') state.flush();
});

function showHome(): void {
  if (shownQuery === undefined) return;
  shownQuery = undefined;
  results.clear();
  results.element.hidden = true;
  home.element.hidden = false;
  window.scrollTo({ top: 0 });
}

function showResults(message: ToWebview.Results): void {
  const newQuery = message.query !== shownQuery;
  shownQuery = message.query;
  home.element.hidden = true;
  results.element.hidden = false;
  results.show(message.query, message.cards);
  if (pendingScroll !== undefined) restoreScroll();
  else if (newQuery) window.scrollTo({ top: 0 });
}

// --- messages from the extension

function handle(message: ToWebview.Message): void {
  switch (message.type) {
    case 'home':
      home.showHome(message.home);
      if (!searchBox.query.trim()) restoreScroll();
      break;
    case 'results':
      if (searchBox.isCurrent(message.requestId)) showResults(message);
      break;
    case 'related':
      home.showRelated(message.context, message.cards);
      break;
    case 'pins':
      home.showPins(message.cards);
      syncPinnedCards(document, new Set(message.cards.map((card) => card.passageId)));
      break;
    case 'settings':
      home.setFollowCursor(message.followCursor);
      break;
    case 'focusSearch':
      searchBox.focus();
      if (message.query) searchBox.setQuery(message.query);
      break;
    case 'notice':
      notices.show(message);
      break;
    default: {
      const unknown: never = message;
      console.warn('Briefing panel: unknown message', unknown);
    }
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') {
    handle(data as ToWebview.Message);
  }
});

post({ type: 'ready' });
if (state.query.trim()) searchBox.setQuery(state.query);
