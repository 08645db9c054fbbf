/**
 * The briefing home, shown while the search field is empty and no page is
 * open: what you pinned, what relates to the paragraph you are writing, then
 * the briefing an editor would hand a reporter — topics, key facts, who said
 * what, where sources differ, the timeline, people and the sources. It reads
 * at a glance: each section shows its best few items, its count, and "Show
 * all" for the rest; the sections a reporter consults less start collapsed.
 * What the user opens (or shows in full) stays so when they come back.
 */
import type { BriefingHome, PassageCard } from '../src/protocol';
import {
  distinctStances,
  renderDifferences,
  renderDocuments,
  renderFacts,
  renderPeople,
  renderStatements,
  renderTimeline,
  renderTopicChips,
  type BriefingHost,
} from './briefingSections';
import { codicon, count, el, replaceChildren } from './dom';
import { fitRows } from './fitRows';
import { renderCardList } from './passageCard';
import { RelatedView, type RelatedHost } from './related';
import { Section } from './section';

export interface HomeHost extends RelatedHost, BriefingHost {
  /** Exports the briefing (of a topic, when given) as Markdown. */
  exportBriefing(topic?: string): void;
  isCollapsed(sectionId: string, byDefault?: boolean): boolean;
  setCollapsed(sectionId: string, collapsed: boolean): void;
  isShowingAll(sectionId: string): boolean;
  setShowingAll(sectionId: string, all: boolean): void;
}

/**
 * How many items a section shows before "Show all": few enough that the home
 * fits a sidebar's first screen. Topics show as many chips as fill two rows.
 */
const BEST = { topics: 2, facts: 3, stances: 3, differences: 2, timeline: 3, people: 4, sources: 5 } as const;
/**
 * Sections that start collapsed: the reference parts, opened when wanted.
 * Where sources differ starts open only when they contradict each other.
 */
const COLLAPSED_BY_DEFAULT = new Set(['timeline', 'people', 'sources', 'differences']);

export class HomeView {
  readonly element: HTMLElement;
  private readonly pinned: Section;
  private readonly pinnedList = el('div', { className: 'card-list' });
  private readonly related: Section;
  private readonly relatedView: RelatedView;
  private readonly sections: Record<keyof typeof BEST, Section>;
  private readonly summary = el('span', { className: 'home-summary' });
  private readonly toolbar: HTMLElement;
  private readonly loading = el('p', { className: 'muted-line loading', text: 'Reading your sources…' });
  private home: BriefingHome | undefined;
  private stopFitting: (() => void) | undefined;

  constructor(private readonly host: HomeHost) {
    const section = (id: string, title: string): Section =>
      new Section({ id, title, collapsed: host.isCollapsed(id, COLLAPSED_BY_DEFAULT.has(id)), onToggle: (collapsed) => this.toggled(id, collapsed) });
    this.pinned = section('pinned', 'Pinned');
    this.related = section('related', 'Related to what you’re writing');
    this.sections = {
      topics: section('topics', 'Topics'),
      facts: section('facts', 'Key facts'),
      stances: section('stances', 'Who said what'),
      differences: section('differences', 'Where sources differ'),
      timeline: section('timeline', 'Timeline'),
      people: section('people', 'People & organisations'),
      sources: section('sources', 'Sources'),
    };

    this.pinned.body.append(this.pinnedList);
    this.pinned.setHidden(true);
    this.relatedView = new RelatedView(host, host.isShowingAll('related'), (shown, total, expanded) => {
      this.related.setCount(total > 0 ? total : undefined);
      const label = expanded ? (total > 1 ? 'Show fewer' : undefined) : total > shown ? `Show all ${total}` : undefined;
      this.related.setMore(label, () => {
        host.setShowingAll('related', !expanded);
        this.relatedView.setExpanded(!expanded);
      });
    });
    this.related.body.append(this.relatedView.element);
    const briefing = Object.values(this.sections);
    for (const part of briefing) part.setHidden(true);

    const exportButton = el('button', { className: 'link-button export', attrs: { type: 'button', title: 'Export the whole briefing as a Markdown document, every item footnoted' } }, codicon('export'), 'Export briefing');
    exportButton.addEventListener('click', () => host.exportBriefing());
    this.toolbar = el('div', { className: 'home-toolbar' }, this.summary, exportButton);
    this.toolbar.hidden = true;

    this.element = el('div', { className: 'home' }, this.toolbar, this.pinned.element, this.related.element, this.loading, ...briefing.map((part) => part.element));
  }

  showHome(home: BriefingHome): void {
    this.home = home;
    // A contradiction between sources is news: that section opens unless the user closed it.
    if (home.differences.some((difference) => difference.severity === 'conflict') && !this.host.isCollapsed('differences', false)) this.sections.differences.open();
    this.loading.hidden = true;
    this.toolbar.hidden = false;
    this.summary.textContent = `Briefing on ${count(home.documents.length, 'source')}`;
    for (const id of Object.keys(BEST) as (keyof typeof BEST)[]) this.render(id);
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

  private toggled(id: string, collapsed: boolean): void {
    this.host.setCollapsed(id, collapsed);
    // The header's "Show all" shows only on an open section.
    if (id in BEST) this.render(id as keyof typeof BEST);
    else if (id === 'related') this.relatedView.refresh();
  }

  /** Draws one section: its best items, or all of them when the user asked. */
  private render(id: keyof typeof BEST): void {
    const home = this.home;
    if (!home) return;
    const host = this.host;
    const all = host.isShowingAll(id);
    const items: Record<keyof typeof BEST, readonly unknown[]> = {
      topics: home.topics,
      facts: home.facts,
      stances: distinctStances(home.stances),
      differences: home.differences,
      timeline: home.timeline,
      people: home.people,
      sources: home.documents,
    };
    const total = items[id].length;
    const limit = all || id === 'topics' ? total : BEST[id];
    const shown = <T>(list: readonly T[]): T[] => list.slice(0, limit);
    const draw = (): HTMLElement => {
      switch (id) {
        case 'topics':
          return renderTopicChips(shown(home.topics), host);
        case 'facts':
          return renderFacts(shown(home.facts), host, limit);
        case 'stances':
          return renderStatements(shown(distinctStances(home.stances)), host);
        case 'differences':
          return renderDifferences(shown(home.differences), host, limit);
        case 'timeline':
          return renderTimeline(shown(home.timeline), host, limit);
        case 'people':
          return renderPeople(shown(home.people), host, limit);
        case 'sources':
          return renderDocuments(shown(home.documents), host);
      }
    };
    const section = this.sections[id];
    fill(section, items[id], draw);
    /** How many items show before "Show all" was pressed: where the keyboard goes once the rest appear. */
    let limitShown: number = BEST[id];
    const more = (): void => {
      host.setShowingAll(id, !all);
      this.render(id);
      // Keep the keyboard where the reader was: on the first row that appeared, or on the button.
      const next = [...section.body.querySelectorAll('li')].find((item, index) => index >= limitShown && !item.hidden)?.querySelector<HTMLElement>('button, [tabindex="0"]');
      (all ? section.element.querySelector<HTMLElement>('.section-more') : next)?.focus();
    };
    if (id === 'topics') {
      this.stopFitting?.();
      this.stopFitting = undefined;
      const chips = section.body.querySelector<HTMLElement>('.chips');
      if (!all && chips) {
        this.stopFitting = fitRows(chips, BEST.topics, (hidden) => {
          limitShown = total - hidden;
          section.setMore(hidden > 0 ? `Show all ${total}` : undefined, more);
        });
      } else section.setMore(all ? 'Show fewer' : undefined, more);
      return;
    }
    section.setMore(total > BEST[id] ? (all ? 'Show fewer' : `Show all ${total}`) : undefined, more);
  }
}

/** Fills a section, or hides it when there is nothing to show. */
export function fill<T>(section: Section, items: readonly T[], render: () => HTMLElement, withCount = true): void {
  section.setHidden(items.length === 0);
  section.setCount(withCount && items.length > 0 ? items.length : undefined);
  replaceChildren(section.body, items.length > 0 && render());
}
