import type { SourceMeta } from '../model';
import { escapeMarkdown, oneLine } from './escape';
import { attributionOf } from './insertQuote';

/**
 * A short description of a source for Markdown documents Briefing writes
 * itself (the exported briefing): who, “title”, date — outlet included,
 * escaped. Not a citation style: drafts get their citations from CSL.
 */
export function sourceNote(meta: SourceMeta): string {
  const who = meta.author || meta.outlet ? attributionOf(meta) : undefined;
  const parts = [who, `“${oneLine(meta.title).trim()}”`, meta.date.label === 'n.d.' ? 'n.d.' : oneLine(meta.date.label)].filter(Boolean) as string[];
  const text = parts.join(', ');
  return escapeMarkdown(/[.!?]$/.test(text) ? text : `${text}.`);
}
