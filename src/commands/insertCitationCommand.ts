import { bundledStyleIds, parseStyleName } from '../core/cite/styles';
import type { DraftInserter, DraftOffset, InsertionResult } from '../editor/draftInserter';
import { passageIdArg, type Command } from './command';
import type { PassagePicker } from './passagePicker';

/** Briefing: Insert Citation… — of a given passage, or of one picked from search. */
export class InsertCitationCommand implements Command {
  readonly id = 'briefing.insertCitation';

  constructor(
    private readonly inserter: DraftInserter,
    private readonly picker: PassagePicker,
  ) {}

  async execute(arg?: unknown): Promise<InsertionResult | undefined> {
    const passageId = passageIdArg(arg);
    if (!passageId) {
      await this.picker.show({ action: 'insertCitation', title: 'Briefing: Insert Citation' });
      return undefined;
    }
    return this.inserter.insertCitation(passageId, { ...styleArg(arg), ...locatorArg(arg), ...atArg(arg) });
  }
}

/**
 * Reads an optional `{ at, uri, version }` (an offset of one version of a draft, from a quick fix,
 * a hover or a code lens); an offset that does not say which draft it belongs to is an error.
 */
export function atArg(arg: unknown): { at?: DraftOffset } {
  const { at, uri, version } = (arg ?? {}) as { at?: unknown; uri?: unknown; version?: unknown };
  if (at === undefined) return {};
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0 || typeof uri !== 'string' || typeof version !== 'number' || !Number.isSafeInteger(version)) {
    throw new Error('A place to insert at needs an offset with the uri and version of its draft.');
  }
  return { at: { offset: at, uri, version } };
}

/** Reads an optional `{ style }` (a bundled style's id or a .csl path) from a command argument; an unknown style is an error, not a silent default. */
export function styleArg(arg: unknown): { style?: string } {
  const name = (arg as { style?: unknown } | undefined)?.style;
  if (name === undefined) return {};
  if (typeof name !== 'string' || !parseStyleName(name)) throw new Error(`Unknown citation style ${JSON.stringify(name)}: use one of ${bundledStyleIds()}, or the path of a .csl file.`);
  return { style: name };
}

/** Reads an optional `{ locator }` ("p. 12") from a command argument. */
export function locatorArg(arg: unknown): { locator?: string } {
  const locator = (arg as { locator?: unknown } | undefined)?.locator;
  return typeof locator === 'string' && locator.trim() ? { locator } : {};
}
