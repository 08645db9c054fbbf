import type { Command } from './command';
import type { PassagePicker } from './passagePicker';

/** Briefing: Search Sources… — the quick pick, optionally with a query already typed. */
export class SearchCommand implements Command {
  readonly id = 'briefing.search';

  constructor(private readonly picker: PassagePicker) {}

  execute(arg?: unknown): Promise<void> {
    const query = typeof arg === 'string' ? arg : typeof (arg as { query?: unknown })?.query === 'string' ? (arg as { query: string }).query : undefined;
    return this.picker.show(query === undefined ? {} : { query });
  }
}
