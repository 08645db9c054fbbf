/**
 * The briefing's parts as the panel draws them: topics, key facts, who said
 * what, the timeline, where sources differ, people and organisations, and the
 * sources. Shared by the home and the topic page. Every item leads to the
 * passages it came from; all corpus text is set as text.
 */
import type {
  DifferenceSummary,
  DocumentSummary,
  FactSummary,
  PersonSummary,
  StanceSummary,
  TimelineSummary,
  TopicSummary,
} from '../src/protocol';
import { codicon, count, el } from './dom';
import { MAX_PASSAGE_IDS } from './pageRef';
import { renderShortList } from './shortList';

/** What the briefing's rows ask of the panel. */
export interface BriefingHost {
  /** A listed topic's id, or free text. */
  openTopic(topic: string): void;
  /** `marks`: the words the passages are shown for, to mark in them. */
  showPassages(title: string, passageIds: readonly string[], marks: readonly string[]): void;
  openDocument(docId: string): void;
}

/** Page titles stay short: they head a page and travel in a message. */
const MAX_TITLE = 90;

/** "6.3% — Defense spending, share of Russia’s GDP", cut with an ellipsis when long. */
export function pageTitle(...parts: readonly (string | undefined)[]): string {
  const title = parts.filter(Boolean).join(' — ').replace(/\s+/g, ' ').trim();
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title;
}

function showPassages(host: BriefingHost, title: string, passageIds: readonly string[], marks: readonly (string | undefined)[]): void {
  host.showPassages(title, passageIds.slice(0, MAX_PASSAGE_IDS), marks.filter((mark): mark is string => Boolean(mark)));
}

/** A row that is one button: the whole row is the click target, as in VS Code's lists. */
function rowButton(className: string, title: string, onClick: () => void, ...children: (Node | string | null | false)[]): HTMLButtonElement {
  const button = el('button', { className: `row ${className}`, attrs: { type: 'button', title } }, ...children);
  button.addEventListener('click', onClick);
  return button;
}

// --- topics

export function renderTopicChips(topics: readonly TopicSummary[], host: BriefingHost): HTMLElement {
  return el(
    'ul',
    { className: 'chips', attrs: { 'aria-label': 'Topics' } },
    ...topics.map((topic) => {
      const chip = el('button', {
        className: 'chip',
        text: topic.title,
        attrs: { type: 'button', title: topic.description || `Open the briefing on ${topic.title}` },
      });
      chip.dataset.topic = topic.id;
      chip.addEventListener('click', () => host.openTopic(topic.id));
      return el('li', {}, chip);
    }),
  );
}

// --- key facts

export function renderFacts(facts: readonly FactSummary[], host: BriefingHost, limit: number): HTMLElement {
  return renderShortList(
    facts.map((fact) => {
      const { label, note } = splitTableNote(fact.label);
      // One line: the figure, what it measures; where it comes from on hover (and for screen readers).
      const from = [sourcesLine(fact.sources, fact.passageIds.length), note].filter(Boolean).join(' · ');
      const row = rowButton(
        'fact',
        `${fact.value} — ${label}\n${from}\nShow the passages for ${fact.value}`,
        () => showPassages(host, pageTitle(fact.value, label), fact.passageIds, [fact.value]),
        el('span', { className: 'fact-line' }, el('strong', { className: 'fact-value', text: fact.value }), ' ', el('span', { className: 'fact-label', text: label })),
      );
      row.setAttribute('aria-label', `${fact.value}, ${label}. ${from}`);
      return row;
    }),
    { label: 'Key facts', limit },
  );
}

/** "captured soldiers (table: Prisoners Exchanged (Each side))" → the label, and "table: …" as a note. */
function splitTableNote(label: string): { label: string; note: string } {
  const at = label.indexOf(' (table: ');
  if (at < 0 || !label.endsWith(')')) return { label, note: '' };
  return { label: label.slice(0, at), note: label.slice(at + 2, -1) };
}

function sourcesLine(sources: readonly string[], passages: number): string {
  return [sources.join(', '), passages > 1 ? count(passages, 'passage') : ''].filter(Boolean).join(' · ');
}

// --- who said what

/** The stances with the same words by the same speaker (found in two passages, say) kept once. */
export function distinctStances(stances: readonly StanceSummary[]): StanceSummary[] {
  const seen = new Set<string>();
  return stances.filter((stance) => {
    const key = `${stance.speaker}\u0000${stance.words.length > 0 ? stance.words.join('\u0000').toLowerCase() : stance.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Statements as sentences — who, the verb, the quoted words — one row each:
 * "**Peskov** called the negotiations “very difficult”". The source is in
 * the row's tooltip; the row opens the passage.
 */
export function renderStatements(stances: readonly StanceSummary[], host: BriefingHost, limit = stances.length): HTMLElement {
  return renderShortList(
    stances.map((stance) => renderStatement(stance, host)),
    { label: 'Who said what', limit, className: 'rows statements' },
  );
}

function renderStatement(stance: StanceSummary, host: BriefingHost): HTMLElement {
  const { who, text, whole } = stance.statement;
  // "’s demands include…" and ", during a press conference, …" follow the name without a space.
  const joiner = /^[’',;:]/u.test(text) ? '' : ' ';
  const line = whole
    ? el('span', { className: 'statement' }, el('strong', { className: 'stance-speaker', text: who }), el('span', { className: 'statement-sep', text: ' — ' }), el('span', { className: 'statement-text', text }))
    : el('span', { className: 'statement' }, el('strong', { className: 'stance-speaker', text: who }), joiner, el('span', { className: 'statement-text', text }));
  const button = rowButton(
    'stance',
    `${stance.sentence}\n— ${stance.source}`,
    () => showPassages(host, pageTitle(`${who}${joiner}${text}`), [stance.passageId], stance.words),
    line,
  );
  button.setAttribute('aria-label', `${who}${whole ? ': ' : joiner}${text}. ${stance.source}`);
  return button;
}

// --- timeline

const STATUS_LABELS: Readonly<Record<TimelineSummary['status'], string | undefined>> = {
  happened: undefined,
  proposed: 'proposed',
  deadline: 'deadline',
  ongoing: 'ongoing',
};

export function renderTimeline(events: readonly TimelineSummary[], host: BriefingHost, limit: number): HTMLElement {
  return renderShortList(
    events.map((event) => {
      const { main, note } = splitWhen(event.when);
      const relative = event.relativeTo ?? '';
      const caveat = note || relative || (event.inferred ? 'date inferred' : '') || (isDated(main) ? '' : 'no date given');
      const status = STATUS_LABELS[event.status];
      const sources = event.sources.length > 0 ? `\nSources: ${event.sources.join(', ')}` : '';
      return el(
        'li',
        { className: `timeline-item status-${event.status}` },
        rowButton(
          'timeline-row',
          `${event.when}: ${event.event}${sources}`,
          () => showPassages(host, pageTitle(event.when, event.event), event.passageIds, [main]),
          el(
            'span',
            { className: 'timeline-text' },
            el('strong', { className: 'when', text: main }),
            caveat && el('span', { className: 'when-note', text: ` ${caveat}` }),
            status && el('span', { className: 'tag status', text: status }),
            ' ',
            el('span', { className: 'event', text: event.event }),
          ),
        ),
      );
    }),
    { label: 'Timeline', limit, className: 'timeline' },
  );
}

const MONTHS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/**
 * Whether `when` names a calendar date at all. Spans such as "over seven
 * weeks" or "50-day" (a deadline's length) count from a day the text does not give.
 */
function isDated(when: string): boolean {
  return /\b\d{4}\b/.test(when) || MONTHS.test(when);
}

/** "June 2 (year not stated)" → "June 2" and "year not stated": the caveat is drawn apart, muted. */
function splitWhen(when: string): { main: string; note: string } {
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(when);
  return match && match[1] ? { main: match[1], note: match[2] ?? '' } : { main: when, note: '' };
}

// --- where sources differ

const SEVERITY_TITLES: Readonly<Record<DifferenceSummary['severity'], string>> = {
  conflict: 'The sources contradict each other',
  nuance: 'The sources agree on the figure but not on what it counts',
  precision: 'The sources agree, one more precisely than the other',
  variant: 'The sources spell it differently',
};

export function renderDifferences(differences: readonly DifferenceSummary[], host: BriefingHost, limit: number): HTMLElement {
  return renderShortList(
    differences.map((difference) =>
      el(
        'li',
        { className: `difference severity-${difference.severity}` },
        el(
          'div',
          // What the difference is about, in one line; the note (what to make of it) on hover and for screen readers.
          { className: 'difference-subject', attrs: { title: [difference.subject, difference.note].filter(Boolean).join('\n') } },
          el('span', { className: 'subject', text: difference.subject }),
          el('span', { className: 'tag severity', text: difference.severity, attrs: { title: SEVERITY_TITLES[difference.severity] } }),
          difference.note && el('span', { className: 'visually-hidden', text: `. ${difference.note}` }),
        ),
        el(
          'div',
          { className: 'sides', attrs: { role: 'group', 'aria-label': `What each source says: ${difference.subject}` } },
          ...difference.sides.map((side) => {
            const button = el(
              'button',
              { className: 'side', attrs: { type: 'button', title: `Show what ${side.source} says` } },
              el('span', { className: 'says', text: side.says }),
              el('span', { className: 'side-source', text: `— ${side.source}` }),
            );
            button.addEventListener('click', () => showPassages(host, pageTitle(side.says, side.source), side.passageIds, asWritten(side.says)));
            return button;
          }),
        ),
      ),
    ),
    { label: 'Where sources differ', limit, className: 'differences' },
  );
}

/**
 * The words a side stands for, as its sources write them: the quoted forms in
 * "June 2, 2025 — “June 2,2025”, “June 2”", else the claim without its note.
 */
function asWritten(says: string): string[] {
  const quoted = [...says.matchAll(/“([^”]+)”/g)].map((match) => match[1] ?? '');
  return quoted.length > 0 ? quoted : [says.replace(/\s*\([^()]*\)$/, '')];
}

// --- people and organisations

const KIND_ICONS: Readonly<Record<PersonSummary['kind'], string>> = { person: 'person', organisation: 'organization', place: 'location' };

export function renderPeople(people: readonly PersonSummary[], host: BriefingHost, limit: number): HTMLElement {
  return renderShortList(
    people.map((person) => {
      const mentions = count(person.mentions, 'mention');
      const button = rowButton(
        'person',
        `Show the passages that mention ${person.name}`,
        () => showPassages(host, person.name, person.passageIds, [person.name, ...person.variants]),
        el(
          'span',
          { className: 'row-line' },
          codicon(KIND_ICONS[person.kind], 'kind-icon'),
          el('span', { className: 'person-name' }, el('span', { className: 'name', text: person.name }), person.role && el('span', { className: 'role', text: ` ${person.role}` })),
          el('span', { className: 'count-badge', text: person.mentions.toLocaleString('en'), attrs: { title: mentions } }),
        ),
        person.variants.length > 0 && el('span', { className: 'row-meta variants', text: `also written ${person.variants.map((variant) => `“${variant}”`).join(', ')}` }),
      );
      button.setAttribute('aria-label', [person.name, person.role, kindName(person.kind), mentions].filter(Boolean).join(', '));
      return button;
    }),
    { label: 'People and organisations', limit },
  );
}

function kindName(kind: PersonSummary['kind']): string {
  return kind === 'person' ? 'person' : kind === 'place' ? 'place' : 'organisation';
}

// --- sources

const DOCUMENT_ICONS: Readonly<Record<string, string>> = {
  article: 'file-text',
  'blog-post': 'rss',
  explainer: 'book',
  faq: 'comment-discussion',
  'press-release': 'megaphone',
  report: 'book',
  transcript: 'mention',
  note: 'note',
};

export function renderDocuments(documents: readonly DocumentSummary[], host: BriefingHost): HTMLElement {
  return el(
    'ul',
    { className: 'rows', attrs: { 'aria-label': 'Sources' } },
    ...documents.map((doc) => {
      const meta = [kindLabel(doc.kind), doc.outlet ?? doc.author, doc.date === 'n.d.' ? undefined : doc.date, count(doc.passages, 'passage')];
      return el(
        'li',
        {},
        rowButton(
          'doc',
          `Open ${doc.title}`,
          () => host.openDocument(doc.docId),
          codicon(DOCUMENT_ICONS[doc.kind] ?? 'file', 'kind-icon'),
          el(
            'span',
            { className: 'doc-text' },
            el('span', { className: 'doc-title', text: doc.title }),
            el(
              'span',
              { className: 'row-meta' },
              meta.filter((part): part is string => Boolean(part)).join(' · '),
              doc.origin === 'user' && el('span', { className: 'tag', text: 'yours', attrs: { title: 'A document you added' } }),
            ),
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
