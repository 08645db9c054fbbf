/**
 * The pages opened over the briefing home — topic pages and passages pages —
 * as a back stack. Each page is asked of the extension when it is opened (or
 * shown again after the panel was reloaded); answers that no longer match the
 * page on top are dropped. The stack's references go into the saved state.
 */
import type { ToWebview } from '../src/protocol';
import { el } from './dom';
import { MAX_PAGES, type PageRef } from './pageRef';
import { PassagesPage } from './passagesPage';
import { TopicPage, type TopicPageHost } from './topicPage';

export interface RouterHost extends TopicPageHost {
  /** The title of a listed topic, for a page still loading; undefined for free text. */
  topicTitle(topicId: string): string | undefined;
  /** The stack changed: another page (or the home) is now on top. */
  onNavigate(): void;
}

interface Entry {
  ref: PageRef;
  /** Built when first shown: after a reload only the top page is asked for at once. */
  page?: TopicPage | PassagesPage;
  loaded: boolean;
  /** What had the focus when the page opened (a chip, a fact): it gets it back on "back". */
  opener?: HTMLElement;
}

export class Router {
  /** Holds the page on top; hidden while the home or search results show. */
  readonly element = el('div', { className: 'pages' });
  private stack: Entry[];

  constructor(
    private readonly host: RouterHost,
    saved: readonly PageRef[],
  ) {
    this.stack = saved.map((ref) => ({ ref, loaded: false }));
  }

  /** Whether a page is open over the home. */
  get isOpen(): boolean {
    return this.stack.length > 0;
  }

  /** The references to save, with each page's scroll position. */
  get refs(): readonly PageRef[] {
    return this.stack.map((entry) => entry.ref);
  }

  /** The saved scroll position of the page on top. */
  get scrollTop(): number {
    return this.stack[this.stack.length - 1]?.ref.scrollTop ?? 0;
  }

  /** Remembers where the page on top is scrolled to. */
  setScrollTop(scrollTop: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.ref = { ...top.ref, scrollTop: Math.round(scrollTop) };
  }

  /** Opens a page on top of the current one (the same page again is ignored) and focuses its title. */
  open(ref: PageRef): void {
    const top = this.stack[this.stack.length - 1];
    if (top && sameRef(top.ref, ref)) return;
    const focused = document.activeElement;
    this.stack.push({ ref, loaded: false, ...(focused instanceof HTMLElement && focused !== document.body ? { opener: focused } : {}) });
    if (this.stack.length > MAX_PAGES) this.stack.shift();
    this.render();
    this.host.onNavigate();
    this.top()?.focus();
  }

  /** Back to the page below, or to the home; the focus returns to what opened the page. */
  back(): void {
    const closed = this.stack.pop();
    if (!closed) return;
    this.render();
    this.host.onNavigate();
    const opener = closed.opener;
    if (opener?.isConnected && opener.getClientRects().length > 0) opener.focus({ preventScroll: true });
    else this.top()?.focus();
  }

  /** Shows the page on top, building and requesting it if it is not there yet. */
  render(): void {
    const entry = this.stack[this.stack.length - 1];
    if (!entry) {
      this.element.replaceChildren();
      return;
    }
    if (!entry.page) {
      entry.page = this.build(entry.ref, this.stack.length - 1);
      this.request(entry.ref);
    }
    if (this.element.firstChild !== entry.page.element) this.element.replaceChildren(entry.page.element);
  }

  /** A topic arrived: shown if it answers the page on top. */
  receiveTopic(topic: ToWebview.Topic['topic']): boolean {
    const entry = this.stack[this.stack.length - 1];
    if (!entry || entry.ref.kind !== 'topic' || !(entry.page instanceof TopicPage) || !answersTopic(entry.ref.topic, topic)) return false;
    entry.page.show(topic);
    entry.loaded = true;
    return true;
  }

  /** Passages arrived: shown if they answer the page on top. */
  receivePassages(message: ToWebview.Passages): boolean {
    const entry = this.stack[this.stack.length - 1];
    if (!entry || entry.ref.kind !== 'passages' || !(entry.page instanceof PassagesPage) || entry.ref.title !== message.title) return false;
    entry.page.show(message.cards);
    entry.loaded = true;
    return true;
  }

  /** An error notice while the page on top was loading is most likely its answer. */
  failLoading(message: string): void {
    const entry = this.stack[this.stack.length - 1];
    if (entry?.page && !entry.loaded) entry.page.fail(message);
  }

  private top(): TopicPage | PassagesPage | undefined {
    return this.stack[this.stack.length - 1]?.page;
  }

  private build(ref: PageRef, index: number): TopicPage | PassagesPage {
    const below = this.stack[index - 1];
    const backLabel = below ? pageName(below, this.host) : 'Briefing';
    const pageHost = { ...this.host, back: () => this.back() };
    if (ref.kind === 'topic') return new TopicPage(ref.topic, this.host.topicTitle(ref.topic) ?? ref.topic, backLabel, pageHost);
    return new PassagesPage(ref.title, ref.marks, backLabel, pageHost);
  }

  private request(ref: PageRef): void {
    if (ref.kind === 'topic') this.host.post({ type: 'openTopic', topic: ref.topic });
    else this.host.post({ type: 'showPassages', title: ref.title, passageIds: ref.passageIds });
  }
}

function pageName(entry: Entry, host: RouterHost): string {
  if (entry.page) return entry.page.title;
  return entry.ref.kind === 'topic' ? (host.topicTitle(entry.ref.topic) ?? entry.ref.topic) : entry.ref.title;
}

function sameRef(a: PageRef, b: PageRef): boolean {
  if (a.kind === 'topic' && b.kind === 'topic') return a.topic === b.topic;
  if (a.kind === 'passages' && b.kind === 'passages') return a.title === b.title && a.passageIds.join('\n') === b.passageIds.join('\n');
  return false;
}

/** A listed topic answers by id; free text by its title, which is the text as typed. */
function answersTopic(requested: string, topic: ToWebview.Topic['topic']): boolean {
  const normal = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return topic.id === requested || normal(topic.title) === normal(requested);
}
