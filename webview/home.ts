/**
 * The briefing home, shown while the search field is empty and no page is
 * open: what you pinned, what relates to the paragraph you are writing, then
 * the briefing an editor would hand a reporter — topics, key facts, who said
 * what, the timeline, where sources differ, people and the sources — each in
 * a collapsible section.
 */
import type { BriefingHome, PassageCard } from '../src/protocol';
import {
  distinctStances,
  HOME_LIMITS,
  renderDifferences,
  renderDocuments,
  renderFacts,
  renderPeople,
  renderStances,
  renderTimeline,
  renderTopicChips,
  type BriefingHost,
} from './briefingSections';
import { codicon, count, el, replaceChildren } from './dom';
import { renderCardList } from './passageCard';
import { RelatedView, type RelatedHost } from './related';
import { Section } from './section';

export interface HomeHost extends RelatedHost, BriefingHost {
  /** Exports the briefing (of a topic, when given) as Markdown. */
  exportBriefing(topic?: string): void;
  isCollapsed(sectionId: string): boolean;
  setCollapsed(sectionId: string, collapsed: boolean): void;
}

export class HomeView {
  readonly element: HTMLElement;
  private readonly pinned: Section;
  private readonly pinnedList = el('div', { className: 'card-list' });
  private readonly related: Section;
  private readonly relatedView: RelatedView;
  private readonly topics: Section;
  private readonly facts: Section;
  private readonly stances: Section;
  private readonly timeline: Section;
  private readonly differences: Section;
  private readonly people: Section;
  private readonly sources: Section;
  private readonly summary = el('span', { className: 'home-summary' });
  private readonly toolbar: HTMLElement;
  private readonly loading = el('p', { className: 'muted-line loading', text: 'Reading your sources…' });

  constructor(private readonly host: HomeHost) {
    const section = (id: string, title: string): Section =>
      new Section({ id, title, collapsed: host.isCollapsed(id), onToggle: (collapsed) => host.setCollapsed(id, collapsed) });
    this.pinned = section('pinned', 'Pinned');
    this.related = section('related', 'Related to what you’re writing');
    this.topics = section('topics', 'Topics');
    this.facts = section('facts', 'Key facts');
    this.stances = section('stances', 'Who said what');
    this.timeline = section('timeline', 'Timeline');
    this.differences = section('differences', 'Where sources differ');
    this.people = section('people', 'People & organisations');
    this.sources = section('sources', 'Sources');

    this.pinned.body.append(this.pinnedList);
    this.pinned.setHidden(true);
    this.relatedView = new RelatedView(host, (n) => this.related.setCount(n));
    this.related.body.append(this.relatedView.element);
    const briefing = [this.topics, this.facts, this.stances, this.timeline, this.differences, this.people, this.sources];
    for (const part of briefing) part.setHidden(true);

    const exportButton = el('button', { className: 'link-button export', attrs: { type: 'button', title: 'Export the whole briefing as a Markdown document, every item footnoted' } }, codicon('export'), 'Export briefing');
    exportButton.addEventListener('click', () => host.exportBriefing());
    this.toolbar = el('div', { className: 'home-toolbar' }, this.summary, exportButton);
    this.toolbar.hidden = true;

    this.element = el(
      'div',
      { className: 'home' },
      this.toolbar,
      this.pinned.element,
      this.related.element,
      this.loading,
      ...briefing.map((part) => part.element),
    );
  }

  showHome(home: BriefingHome): void {
    const host = this.host;
    this.loading.hidden = true;
    this.toolbar.hidden = false;
    this.summary.textContent = `Briefing on ${count(home.documents.length, 'source')}`;
    fill(this.topics, home.topics, () => renderTopicChips(home.topics, host), false);
    fill(this.facts, home.facts, () => renderFacts(home.facts, host, HOME_LIMITS.facts));
    const stances = distinctStances(home.stances);
    fill(this.stances, stances, () => renderStances(stances, host, HOME_LIMITS.stancesPerSpeaker));
    fill(this.timeline, home.timeline, () => renderTimeline(home.timeline, host, HOME_LIMITS.timeline));
    fill(this.differences, home.differences, () => renderDifferences(home.differences, host, HOME_LIMITS.differences));
    fill(this.people, home.people, () => renderPeople(home.people, host, HOME_LIMITS.people));
    fill(this.sources, home.documents, () => renderDocuments(home.documents, host));
  }

  showPins(cards: readonly PassageCard[]): void {
    renderCardList(this.pinnedList, cards, this.host);
    this.pinned.setCount(cards.length);
    this.pinned.setHidden(cards.length === 0);
  }

  showRelated(context: string, cards: readonly PassageCard[]): void {
    this.relatedView.show(context, cards);
  }

  setFollowCursor(enabled: boolean): void {
    this.relatedView.setFollowCursor(enabled);
  }
}

/** Fills a section, or hides it when there is nothing to show. */
export function fill<T>(section: Section, items: readonly T[], render: () => HTMLElement, withCount = true): void {
  section.setHidden(items.length === 0);
  section.setCount(withCount && items.length > 0 ? items.length : undefined);
  replaceChildren(section.body, items.length > 0 && render());
}
