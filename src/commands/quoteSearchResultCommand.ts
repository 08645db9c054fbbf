import type { Command } from './command';
import type { PassagePicker } from './passagePicker';

/** Quotes the search result under the keyboard (Alt+Enter in the search quick pick; Enter does the default action). */
export class QuoteSearchResultCommand implements Command {
  readonly id = 'briefing.quoteSearchResult';

  constructor(private readonly picker: PassagePicker) {}

  execute(): boolean {
    return this.picker.quoteActive();
  }
}
