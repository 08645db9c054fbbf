/**
 * The briefing home, shown while the search field is empty: what you pinned,
 * what relates to the paragraph you are writing, and a short briefing on the
 * corpus (sources, topics, key facts, people), each in a collapsible section.
 */
import type { BriefingHome, DocumentSummary, FactSummary, PassageCard, PersonSummary, TopicSummary } from '../src/protocol';
import { codicon, count, el, replaceChildren } from './dom';
import { renderCardList } from './passageCard';
import { RelatedView, type RelatedHost } from './related';
import { Section } from './section';

export interface HomeHost extends RelatedHost {
  /** Puts `query` into the search field and searches for it. */
  search(query: string): void;
  isCollapsed(sectionId: string): boolean;
  setCollapsed(sectionId: string, collapsed: boolean): void;
}

/** Long lists show this many rows until "Show all" is pressed. */
const SHORT_LIST = 6;

export class HomeView {
  readonly element: HTMLElement;
  private readonly pinned: Section;
  private readonly pinnedList = el('div', { className: 'card-list' });
  private readonly related: Section;
  private readonly relatedView: RelatedView;
  private readonly sources: Section;
  private readonly topics: Section;
  private readonly facts: Section;
  private readonly people: Section;
  private readonly loading = el('p', { className: 'muted-line loading', text: 'Reading your sources…' });

  constructor(private readonly host: HomeHost) {
    const section = (id: string, title: string): Section =>
      new Section({ id, title, collapsed: host.isCollapsed(id), onToggle: (collapsed) => host.setCollapsed(id, collapsed) });
    this.pinned = section('pinned', 'Pinned');
    this.related = section('related', 'Related to what you’re writing');
    this.sources = section('sources', 'Sources');
    this.topics = section('topics', 'Topics');
    this.facts = section('facts', 'Key facts');
    this.people = section('people', 'People');

    this.pinned.body.append(this.pinnedList);
    this.pinned.setHidden(true);
    this.relatedView = new RelatedView(host, (n) => this.related.setCount(n));
    this.related.body.append(this.relatedView.element);
    for (const briefing of [this.sources, this.topics, this.facts, this.people]) briefing.setHidden(true);

    this.element = el(
      'div',
      { className: 'home' },
      this.pinned.element,
      this.related.element,
      this.loading,
      this.sources.element,
      this.topics.element,
      this.facts.element,
      this.people.element,
    );
  }

  showHome(home: BriefingHome): void {
    this.loading.hidden = true;
    fill(this.sources, home.documents, () => renderDocuments(home.documents));
    fill(this.topics, home.topics, () => renderTopics(home.topics, this.host));
    fill(this.facts, home.facts, () => renderShortList(home.facts, 'Key facts', (fact) => renderFact(fact, this.host)));
    fill(this.people, home.people, () => renderShortList(home.people, 'People', (person) => renderPerson(person, this.host)));
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

function fill<T>(section: Section, items: readonly T[], render: () => HTMLElement): void {
  section.setHidden(items.length === 0);
  section.setCount(items.length);
  replaceChildren(section.body, items.length > 0 && render());
}

// --- sources

const DOCUMENT_ICONS: Readonly<Record<string, string>> = {
  article: 'file-text',
  'blog-post': 'rss',
  faq: 'comment-discussion',
  'press-release': 'megaphone',
  report: 'book',
  transcript: 'mention',
  note: 'note',
};

function renderDocuments(documents: readonly DocumentSummary[]): HTMLElement {
  return el(
    'ul',
    { className: 'doc-list', attrs: { 'aria-label': 'Sources' } },
    ...documents.map((doc) => {
      const meta = [kindLabel(doc.kind), doc.outlet ?? doc.author, doc.date === 'n.d.' ? undefined : doc.date, count(doc.passages, 'passage')];
      return el(
        'li',
        { className: 'doc-item' },
        codicon(DOCUMENT_ICONS[doc.kind] ?? 'file', 'doc-icon'),
        el(
          'div',
          { className: 'doc-text' },
          el('div', { className: 'doc-title', text: doc.title, attrs: { title: doc.title } }),
          el(
            'div',
            { className: 'doc-meta' },
            meta.filter((part): part is string => Boolean(part)).join(' · '),
            doc.origin === 'user' && el('span', { className: 'tag', text: 'yours', attrs: { title: 'A document you added' } }),
          ),
        ),
      );
    }),
  );
}

/** "blog-post" → "Blog post"; "faq" → "FAQ". */
function kindLabel(kind: string): string {
  if (kind.toLowerCase() === 'faq') return 'FAQ';
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// --- topics

function renderTopics(topics: readonly TopicSummary[], host: HomeHost): HTMLElement {
  return el(
    'ul',
    { className: 'chips', attrs: { 'aria-label': 'Topics' } },
    ...topics.map((topic) => {
      const chip = el('button', {
        className: 'chip',
        text: topic.title,
        attrs: { type: 'button', title: topic.description ? `${topic.description}\nSearch for “${topic.title}”` : `Search for “${topic.title}”` },
      });
      chip.addEventListener('click', () => host.search(topic.title));
      return el('li', {}, chip);
    }),
  );
}

// --- facts and people

function renderShortList<T>(items: readonly T[], label: string, render: (item: T) => HTMLElement): HTMLElement {
  const list = el('ul', { className: 'rows', attrs: { 'aria-label': label } });
  const rows = items.map((item) => el('li', {}, render(item)));
  list.append(...rows.slice(0, SHORT_LIST));
  if (rows.length <= SHORT_LIST) return list;
  const more = el('button', { className: 'link-button show-more', text: `Show all ${rows.length}`, attrs: { type: 'button' } });
  more.addEventListener('click', () => {
    const next = rows[SHORT_LIST];
    list.append(...rows.slice(SHORT_LIST));
    more.remove();
    // Keep the keyboard where the reader was: on the first row that appeared.
    next?.querySelector<HTMLElement>('button')?.focus();
  });
  return el('div', {}, list, more);
}

function renderFact(fact: FactSummary, host: HomeHost): HTMLElement {
  const button = el(
    'button',
    { className: 'row fact', attrs: { type: 'button', title: `Show the passages for “${fact.value}”` } },
    el('span', { className: 'row-line' }, el('span', { className: 'fact-label', text: fact.label }), el('span', { className: 'fact-value', text: fact.value })),
    fact.sources.length > 0 && el('span', { className: 'row-meta', text: fact.sources.join(', ') }),
  );
  button.addEventListener('click', () => host.search(fact.value));
  return button;
}

function renderPerson(person: PersonSummary, host: HomeHost): HTMLElement {
  const mentions = count(person.mentions, 'mention');
  const button = el(
    'button',
    {
      className: 'row person',
      attrs: { type: 'button', title: `Search for ${person.name}`, 'aria-label': [person.name, person.role, mentions].filter(Boolean).join(', ') },
    },
    el(
      'span',
      { className: 'row-line' },
      el('span', { className: 'person-name', text: person.name }),
      el('span', { className: 'count-badge', text: person.mentions.toLocaleString('en'), attrs: { title: mentions } }),
    ),
    person.role ? el('span', { className: 'row-meta', text: person.role }) : null,
  );
  button.addEventListener('click', () => host.search(person.name));
  return button;
}
