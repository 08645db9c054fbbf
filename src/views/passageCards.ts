import type { Passage, SourceMeta } from '../core/model';
import type { SearchHit } from '../core/search/searchIndex';
import type { PassageCard } from '../protocol';
import { languageMark } from '../core/text/language';

/** What the card needs to know about the reader's state: pins and citations in the draft. */
export interface CardContext {
  readonly pinned: ReadonlySet<string>;
  readonly citedDocs: ReadonlySet<string>;
}

/** A search hit as the panel shows it. */
export function cardFromHit(hit: SearchHit, context: CardContext): PassageCard {
  return card(hit.passage, hit.meta, hit.snippet.text, hit.snippet.highlights, context);
}

/** A passage shown without a query (a pin): its whole text, nothing marked. */
export function cardFromPassage(passage: Passage, meta: SourceMeta, context: CardContext): PassageCard {
  return card(passage, meta, passage.text, [], context);
}

function card(passage: Passage, meta: SourceMeta, snippet: string, highlights: PassageCard['highlights'], context: CardContext): PassageCard {
  const language = languageMark(meta.lang);
  return {
    passageId: passage.id,
    docId: passage.docId,
    source: meta.outlet ?? meta.author ?? meta.title,
    title: meta.title,
    ...(passage.heading === undefined ? {} : { heading: passage.heading }),
    kind: passage.kind,
    date: meta.date.label,
    snippet,
    highlights,
    pinned: context.pinned.has(passage.id),
    cited: context.citedDocs.has(passage.docId),
    ...(meta.origin === 'archive' ? { collection: meta.collection ?? '' } : {}),
    ...(language ? { language } : {}),
  };
}

/** A card made without the reader's state (in the worker), with their pins and citations applied. */
export function withReader(card: PassageCard, context: CardContext): PassageCard {
  return { ...card, pinned: context.pinned.has(card.passageId), cited: context.citedDocs.has(card.docId) };
}
