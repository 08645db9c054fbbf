import type { Corpus } from './corpus';
import type { BriefingHome } from '../protocol';

/** What the panel shows with nothing typed: the documents, topics, key facts and people of the corpus. */
export function buildHome(corpus: Corpus): BriefingHome {
  return {
    documents: corpus.documents.map(({ meta, passages }) => ({
      docId: meta.id,
      title: meta.title,
      kind: meta.kind,
      ...(meta.outlet === undefined ? {} : { outlet: meta.outlet }),
      ...(meta.author === undefined ? {} : { author: meta.author }),
      date: meta.date.label,
      passages: passages.length,
      origin: meta.origin,
    })),
    topics: [],
    facts: corpus.documents.flatMap(({ meta, tableFacts }) =>
      tableFacts.map((fact) => ({ label: fact.metric, value: fact.value, passageIds: [fact.passageId], sources: [meta.outlet ?? meta.title] })),
    ),
    people: [],
  };
}
