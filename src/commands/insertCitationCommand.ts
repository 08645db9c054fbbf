import type { CitationStyle } from '../core/cite/styles';
import { parseCitationStyle } from '../core/cite/styles';
import type { DraftInserter, InsertionResult } from '../editor/draftInserter';
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
    return this.inserter.insertCitation(passageId, { ...styleArg(arg), ...atArg(arg) });
  }
}

/** Reads an optional `{ at }` (an offset of the draft, from a quick fix or a code lens). */
export function atArg(arg: unknown): { at?: number } {
  const at = (arg as { at?: unknown } | undefined)?.at;
  return typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 ? { at } : {};
}

/** Reads an optional `{ style }` from a command argument; an unknown style is an error, not a silent default. */
export function styleArg(arg: unknown): { style?: CitationStyle } {
  const name = (arg as { style?: unknown } | undefined)?.style;
  if (name === undefined) return {};
  const style = typeof name === 'string' ? parseCitationStyle(name) : undefined;
  if (!style) throw new Error(`Unknown citation style ${JSON.stringify(name)}.`);
  return { style };
}
