/**
 * The panel's entry point: builds the views, connects them to the extension
 * and to the saved state, and routes the extension's messages.
 *
 * What shows: search results while a query is typed; otherwise the page on
 * top of the back stack (a topic, or passages), else the briefing home.
 * Clearing the search returns to the page it was typed over.
 */
import type { PageRef } from './pageRef';
import type { ToWebview } from '../src/protocol';
import { el } from './dom';
import { HomeView } from './home';
import { Notices } from './notices';
import { CARD_KEYS_HINT, CARD_KEYS_HINT_ID, focusFirstCard, syncPinnedCards, type CardHost } from './passageCard';
import { ResultsView } from './results';
import { Router } from './router';
import { SearchBox } from './searchBox';
import { ViewState } from './state';
import { post } from './vscodeApi';

const state = new ViewState();
const main = el('main', { className: 'content' });
/** Listed topics' titles, from the home, so a topic page loading can already say its name. */
const topicTitles = new Map<string, string>();

const cardHost: CardHost = {
  post,
  leaveTop: () => searchBox.focus(),
};
const sectionState = {
  isCollapsed: (id: string, byDefault?: boolean): boolean => state.isCollapsed(id, byDefault),
  setCollapsed: (id: string, collapsed: boolean): void => state.setCollapsed(id, collapsed),
  isShowingAll: (id: string): boolean => state.isShowingAll(id),
  setShowingAll: (id: string, all: boolean): void => state.setShowingAll(id, all),
};
const briefingHost = {
  ...cardHost,
  ...sectionState,
  openTopic: (topic: string): void => openPage({ kind: 'topic', topic, scrollTop: 0 }),
  showPassages: (title: string, passageIds: readonly string[], marks: readonly string[]): void =>
    openPage({ kind: 'passages', title, passageIds, marks, scrollTop: 0 }),
  openDocument: (docId: string): void => post({ type: 'openDocument', docId }),
  exportBriefing: (topic?: string): void => post(topic === undefined ? { type: 'exportBriefing' } : { type: 'exportBriefing', topic }),
};

const searchBox = new SearchBox({
  post,
  onQueryChange: (query) => {
    state.setQuery(query);
    if (!query) showBase();
  },
  focusFirstCard: () => focusFirstCard(main),
});
const results = new ResultsView({
  ...cardHost,
  briefOn: (query) => {
    briefingHost.openTopic(query);
    // The page is about what was typed: clearing the field shows it.
    searchBox.setQuery('');
  },
});
const home = new HomeView({
  ...briefingHost,
  setFollowCursor: (enabled) => post({ type: 'setFollowCursor', enabled }),
});
const router = new Router(
  {
    ...briefingHost,
    back: () => router.back(),
    topicTitle: (id) => topicTitles.get(id),
    onNavigate: () => {
      state.setPages(router.refs);
      showBase(true);
      // Back on the home, the keyboard was on the page that went away.
      if (!router.isOpen && (!document.activeElement || document.activeElement === document.body)) searchBox.focus();
    },
  },
  state.pages,
);
const notices = new Notices(() => searchBox.focus());

main.append(home.element, router.element, results.element);
results.element.hidden = true;
router.element.hidden = true;
const header = el('header', { className: 'panel-header' }, searchBox.element, results.status, notices.element);
document.body.append(
  header,
  el('p', { className: 'visually-hidden', text: CARD_KEYS_HINT, attrs: { id: CARD_KEYS_HINT_ID } }),
  main,
);

// --- scroll position: saved as it changes, restored once the first content is in

let pendingScroll: number | undefined = state.scrollTop > 0 ? state.scrollTop : undefined;
/** The query whose results show; undefined while the home or a page shows. */
let shownQuery: string | undefined;
/** Where the home was scrolled to when a page or results covered it. */
let homeScroll = 0;

function restoreScroll(): void {
  if (pendingScroll === undefined) return;
  window.scrollTo({ top: pendingScroll });
  pendingScroll = undefined;
}

window.addEventListener(
  'scroll',
  () => {
    state.setScrollTop(window.scrollY);
    if (shownQuery === undefined) {
      if (router.isOpen) router.setScrollTop(window.scrollY);
      else homeScroll = window.scrollY;
    }
    // VS Code draws a shadow under a header that content scrolls beneath.
    header.classList.toggle('scrolled', window.scrollY > 0);
  },
  { passive: true },
);
window.addEventListener('pagehide', () => state.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    state.setPages(router.refs);
    state.flush();
  }
});

/** Opens a topic or passages page; from search results, the page shows once the field is cleared. */
function openPage(ref: PageRef): void {
  if (shownQuery === undefined && !router.isOpen) homeScroll = window.scrollY;
  router.open(ref);
}

/**
 * Shows the page on top, or the home, where it was scrolled to. `navigated`:
 * the stack changed, so the scroll position is the new page's own.
 */
function showBase(navigated = false): void {
  if (shownQuery === undefined && !navigated) return;
  const fromResults = shownQuery !== undefined;
  shownQuery = undefined;
  if (fromResults) {
    results.clear();
    results.element.hidden = true;
  }
  const onPage = router.isOpen;
  router.render();
  router.element.hidden = !onPage;
  home.element.hidden = onPage;
  // Results may have been typed over either: go back to where it was.
  if (pendingScroll === undefined) window.scrollTo({ top: onPage ? router.scrollTop : homeScroll });
}

function showResults(message: ToWebview.Results): void {
  const newQuery = message.query !== shownQuery;
  shownQuery = message.query;
  home.element.hidden = true;
  router.element.hidden = true;
  results.element.hidden = false;
  results.show(message.query, message.cards);
  if (pendingScroll !== undefined) restoreScroll();
  else if (newQuery) window.scrollTo({ top: 0 });
}

// --- keyboard: back from a page

document.addEventListener('keydown', (event) => {
  if (!router.isOpen || shownQuery !== undefined || event.defaultPrevented) return;
  const back = (event.key === 'ArrowLeft' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) || (event.key === 'Escape' && !event.altKey);
  if (!back) return;
  event.preventDefault();
  router.back();
});

// --- messages from the extension

function handle(message: ToWebview.Message): void {
  switch (message.type) {
    case 'home':
      topicTitles.clear();
      for (const topic of message.home.topics) topicTitles.set(topic.id, topic.title);
      home.showHome(message.home);
      if (!searchBox.query.trim() && !router.isOpen) restoreScroll();
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
      if (message.level === 'error') router.failLoading(message.message);
      break;
    case 'topic':
      if (router.receiveTopic(message.topic) && !searchBox.query.trim()) restoreScroll();
      break;
    case 'passages':
      if (router.receivePassages(message) && !searchBox.query.trim()) restoreScroll();
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
// A page open when the panel was hidden comes back (and is asked for again).
if (router.isOpen) showBase(true);
if (state.query.trim()) searchBox.setQuery(state.query);
