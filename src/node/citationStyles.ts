import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CitationEngine } from '../core/cite/engine';
import { bundledLocale, bundledStyleIds, parseStyleName } from '../core/cite/styles';

/** A style ready to format, and anything the user should know about how it was found. */
export interface LoadedStyle {
  readonly engine: CitationEngine;
  /** E.g. that a locale is not bundled and English is used instead. */
  readonly notes: readonly string[];
}

/**
 * Loads CSL styles for the index worker and the CLI: a bundled style by id
 * (from `csl/styles/`), or a user's .csl file by path; the locale from
 * `csl/locales/`. Built engines are kept (building APA or Chicago takes about
 * a second), and a user's file is read again when it changes.
 */
export class CitationStyles {
  private readonly engines = new Map<string, { readonly stamp: string; readonly loaded: LoadedStyle }>();

  constructor(private readonly extensionPath: string) {}

  /** The engine for a style name (an id, an alias or a path) and a locale; a clear error for a style that cannot be used. */
  load(styleName: string, localeTag: string, baseFolder?: string): LoadedStyle {
    const choice = parseStyleName(styleName);
    if (!choice) throw new Error(`Unknown citation style "${styleName}": use one of ${bundledStyleIds()}, or the path of a .csl file.`);
    const file =
      choice.kind === 'bundled'
        ? path.join(this.extensionPath, 'csl', 'styles', choice.style.file)
        : path.resolve(baseFolder ?? process.cwd(), choice.path.replace(/^~(?=[\\/])/, process.env.HOME ?? '~'));
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(file);
    } catch (error) {
      throw new Error(`Cannot read the citation style ${file} (${(error as { code?: string }).code ?? (error as Error).message}).`);
    }
    if (!stat.isFile()) throw new Error(`Cannot read the citation style ${file}: it is not a file.`);
    if (stat.size > 5 * 1024 * 1024) throw new Error(`The citation style ${file} is larger than 5 MB; a CSL style is far smaller.`);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const locale = bundledLocale(localeTag);
    const notes = locale || !localeTag.trim() ? [] : [`Briefing has no locale "${localeTag}"; citations use en-US.`];
    const cacheKey = `${file}\u0000${locale ?? 'en-US'}`;
    const cached = this.engines.get(cacheKey);
    if (cached && cached.stamp === stamp) return cached.loaded;
    let xml: string;
    try {
      xml = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the citation style ${file} (${(error as { code?: string }).code ?? (error as Error).message}).`);
    }
    let engine: CitationEngine;
    try {
      engine = new CitationEngine(xml, locale ?? 'en-US', (lang) => this.locale(lang));
    } catch (error) {
      throw new Error(`${file} is not a CSL style Briefing can use: ${String((error as Error).message ?? error).split('\n')[0]}`);
    }
    const loaded = { engine, notes };
    this.engines.set(cacheKey, { stamp, loaded });
    return loaded;
  }

  /** The XML of a bundled locale file, or undefined (citeproc-js then falls back to en-US). */
  private locale(lang: string): string | undefined {
    const bundled = bundledLocale(lang);
    if (!bundled) return undefined;
    try {
      return readFileSync(path.join(this.extensionPath, 'csl', 'locales', `locales-${bundled}.xml`), 'utf8');
    } catch {
      return undefined;
    }
  }
}
