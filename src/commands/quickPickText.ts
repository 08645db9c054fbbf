/** Source text shown in a quick pick: `$(name)` in a source is shown as written, not as an icon. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** One line of text for a label, cut at `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeIcons(flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`);
}

/** What a search result shows: who and where first (outlet — title), the section beside, the snippet whole below. */
export interface SearchRowParts {
  readonly source: string;
  readonly title: string;
  readonly heading?: string;
  readonly snippet: string;
  readonly pinned: boolean;
  /** Where the passage comes from when not the writer's own library, e.g. "$(database) archive · Desk" (icons allowed). */
  readonly origin?: string;
  /** The source's language code when it is not English ("RU"), shown first so a long title never hides it. */
  readonly language?: string;
}

/**
 * A result row of the quick pick: the label names the outlet and title (so
 * the source is never pushed off the edge by a long sentence), the
 * description the section, and the detail line the snippet, never cut by us.
 */
export function searchRow(parts: SearchRowParts): { label: string; description?: string; detail: string } {
  const who = parts.source === parts.title ? parts.title : `${parts.source} — ${parts.title}`;
  const description = [parts.origin, parts.heading && parts.heading !== parts.title ? escapeIcons(parts.heading) : undefined].filter(Boolean).join('  ');
  return {
    label: `${parts.pinned ? '$(pinned) ' : ''}${parts.language ? `${parts.language} · ` : ''}${escapeIcons(who)}`,
    ...(description ? { description } : {}),
    detail: escapeIcons(parts.snippet.replace(/\s+/g, ' ').trim()),
  };
}
