import type { QuoteForm } from '../core/cite/insertQuote';
import type { InsertionResult } from '../editor/draftInserter';
import { passageIdArg, type Command } from './command';
import { locatorArg, styleArg } from './insertCitationCommand';
import type { PassagePicker } from './passagePicker';
import type { QuoteChooser } from './quoteChooser';

/**
 * Briefing: Insert Quote… — the passage's words, verbatim, with their
 * citation: a speaker's own words with their name and verb, or the whole
 * sentence; a table row is cited as a figure instead.
 */
export class InsertQuoteCommand implements Command {
  readonly id = 'briefing.insertQuote';

  constructor(
    private readonly chooser: QuoteChooser,
    private readonly picker: PassagePicker,
  ) {}

  async execute(arg?: unknown): Promise<InsertionResult | undefined> {
    const passageId = passageIdArg(arg);
    if (!passageId) {
      await this.picker.show({ action: 'insertQuote', title: 'Briefing: Insert Quote' });
      return undefined;
    }
    const options = arg as { quote?: unknown; form?: unknown; speakerWords?: unknown };
    return this.chooser.quote(passageId, {
      ...styleArg(arg),
      ...locatorArg(arg),
      ...(typeof options.quote === 'string' ? { quote: options.quote } : {}),
      ...(typeof options.speakerWords === 'string' || options.speakerWords === false ? { speakerWords: options.speakerWords } : {}),
      ...(options.form === 'inline' || options.form === 'block' ? { form: options.form as QuoteForm } : {}),
    });
  }
}
