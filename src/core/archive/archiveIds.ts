/**
 * Names in the archive: collections, and document ids that say which
 * collection they belong to (`collection:localId`), so an archive document
 * never shares an id with a local one (local ids have no colon).
 */

const COLLECTION = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Why a collection name cannot be used, or undefined when it can. */
export function collectionNameProblem(name: string): string | undefined {
  return COLLECTION.test(name) ? undefined : `collection names are 1–63 lowercase letters, digits, "-" or "_", starting with a letter or digit (not "${name.slice(0, 80)}")`;
}

/** The archive's id for a document pushed into a collection. */
export function archiveDocId(collection: string, localId: string): string {
  return `${collection}:${localId}`;
}

/** True for the id of an archive document or passage. */
export function isArchiveId(id: string): boolean {
  const colon = id.indexOf(':');
  return colon > 0 && COLLECTION.test(id.slice(0, colon));
}

/** The document id of a passage id (`docId#slug`). */
export function docIdOfPassage(passageId: string): string {
  const hash = passageId.indexOf('#');
  return hash < 0 ? passageId : passageId.slice(0, hash);
}
