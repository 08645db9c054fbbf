import { parse as parseYaml } from 'yaml';

/**
 * The bibliography files a Pandoc or Quarto draft names in its YAML front
 * matter (`bibliography: refs.json`, or a list), as written (relative to
 * the draft). Empty when it names none or its front matter is not valid YAML.
 */
export function bibliographiesNamedIn(draft: string): string[] {
  const front = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(draft);
  if (!front) return [];
  let data: unknown;
  try {
    data = parseYaml(front[1]);
  } catch {
    return [];
  }
  const named = (data as { bibliography?: unknown } | null)?.bibliography;
  const list = Array.isArray(named) ? named : [named];
  return list.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
}
