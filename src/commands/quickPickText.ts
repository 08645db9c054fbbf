/** Source text shown in a quick pick: `$(name)` in a source is shown as written, not as an icon. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** One line of text for a label, cut at `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeIcons(flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`);
}
