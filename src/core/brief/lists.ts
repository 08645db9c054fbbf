/** Small helpers for the maps of lists a briefing builds. */

/** Adds an item to a map of lists, in place (a copy per item would make building the map quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
