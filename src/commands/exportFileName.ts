/**
 * The file name an exported briefing suggests when saved: the topic and
 * the day, e.g. `briefing-grain-exports-2026-11-29.md`, never the
 * first line of the document ("# Briefing.md").
 */
import { slugify } from '../core/text/slug';

/** Words that make a name longer without telling topics apart. */
const FILLER = new Set(['a', 'an', 'and', 'the', 'of', 'on', 'in', 'for', 'to', 'with', 'about', 'issues']);
const MAX_TOPIC_WORDS = 4;

/** `briefing-<topic>-<yyyy-mm-dd>.md`, or `briefing-<yyyy-mm-dd>.md` for the whole briefing; `taken` names are skipped (-2, -3…). */
export function exportFileName(topicTitle: string | undefined, day: Date, taken: (name: string) => boolean = () => false): string {
  const words = slugify(topicTitle ?? '', 200)
    .split('-')
    .filter((word) => word && !FILLER.has(word))
    .slice(0, MAX_TOPIC_WORDS);
  const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  const base = ['briefing', ...words, date].join('-');
  let name = `${base}.md`;
  for (let n = 2; taken(name); n++) name = `${base}-${n}.md`;
  return name;
}
