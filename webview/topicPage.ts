/**
 * A topic's page: its title and description, a button to export it, then the
 * best passages across sources as the usual passage cards, and the topic's
 * facts, statements and people. Free-text topics (typed by the user) look
 * the same, marked as such.
 */
import type { TopicView } from '../src/protocol';
import { distinctStances, pageTitle, renderFacts, renderPeople, renderStatements, type BriefingHost } from './briefingSections';
import { el } from './dom';
import { fill } from './home';
import { PageHeader, secondaryButton } from './pageHeader';
import { renderCardList, type CardHost } from './passageCard';
import { Section } from './section';

export interface TopicPageHost extends CardHost, BriefingHost {
  back(): void;
  exportBriefing(topic?: string): void;
  isCollapsed(sectionId: string): boolean;
  setCollapsed(sectionId: string, collapsed: boolean): void;
}

/** The topic page lists everything it has: it is the long form. */
const TOPIC_LIMIT = 12;

export class TopicPage {
  readonly element: HTMLElement;
  private readonly header: PageHeader;
  private readonly status = el('p', { className: 'muted-line page-status', attrs: { role: 'status' } });
  private readonly passages: Section;
  private readonly passageList = el('div', { className: 'card-list' });
  private readonly facts: Section;
  private readonly stances: Section;
  private readonly people: Section;
  private shownTitle: string;

  /** `requested`: the topic id or free text asked for; `title`: what to call it until it arrives. */
  constructor(
    readonly requested: string,
    title: string,
    backLabel: string,
    private readonly host: TopicPageHost,
  ) {
    this.shownTitle = title;
    this.header = new PageHeader({ backLabel, onBack: () => host.back() });
    this.header.setTitle(title);
    const section = (id: string, name: string): Section =>
      new Section({ id, title: name, collapsed: host.isCollapsed(id), onToggle: (collapsed) => host.setCollapsed(id, collapsed) });
    this.passages = section('topic-passages', 'Key passages');
    this.facts = section('topic-facts', 'Key facts');
    this.stances = section('topic-stances', 'Who said what');
    this.people = section('topic-people', 'People & organisations');
    this.passages.body.append(this.passageList);
    const parts = [this.passages, this.facts, this.stances, this.people];
    for (const part of parts) part.setHidden(true);
    this.status.textContent = `Reading the sources on ${title}…`;
    this.element = el('article', { className: 'page topic-page', attrs: { 'aria-label': title } }, this.header.element, this.status, ...parts.map((part) => part.element));
  }

  get title(): string {
    return this.shownTitle;
  }

  show(topic: TopicView): void {
    const host = this.host;
    this.shownTitle = topic.title;
    this.element.setAttribute('aria-label', topic.title);
    this.header.setTitle(topic.title);
    this.header.setSubtitle(topic.freeText ? 'Free-text topic: passages that match what you typed.' : topic.description, topic.freeText);
    const exportTopic = topic.freeText ? this.requested : topic.id;
    this.header.setActions(
      secondaryButton('export', 'Export this topic', `Export the briefing on ${topic.title} as a Markdown document`, () => host.exportBriefing(exportTopic)),
    );
    this.status.hidden = topic.cards.length > 0;
    this.status.textContent = topic.cards.length > 0 ? '' : `Nothing in your sources matches ${topic.title}.`;
    this.passages.setHidden(topic.cards.length === 0);
    this.passages.setCount(topic.cards.length);
    renderCardList(this.passageList, topic.cards, host);
    fill(this.facts, topic.facts, () => renderFacts(topic.facts, host, TOPIC_LIMIT));
    const stances = distinctStances(topic.stances);
    fill(this.stances, stances, () => renderStatements(stances, host, TOPIC_LIMIT));
    fill(this.people, topic.people, () => renderPeople(topic.people, host, TOPIC_LIMIT));
  }

  /** The extension could not build the page. */
  fail(message: string): void {
    this.status.hidden = false;
    this.status.textContent = `Could not open ${pageTitle(this.shownTitle)}: ${message}`;
  }

  focus(): void {
    this.header.focus();
  }
}
