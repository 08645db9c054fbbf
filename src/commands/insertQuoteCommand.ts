import type { QuoteForm } from '../core/cite/insertQuote';
import type { DraftInserter, InsertionResult } from '../editor/draftInserter';
import { passageIdArg, type Command } from './command';
import { locatorArg, styleArg } from './insertCitationCommand';
import type { PassagePicker } from './passagePicker';

/** Briefing: Insert Quote… — the passage's words, verbatim, with their citation. */
export class InsertQuoteCommand implements Command {
  readonly id = 'briefing.insertQuote';

  constructor(
    private readonly inserter: DraftInserter,
    private readonly picker: PassagePicker,
  ) {}

  async execute(arg?: unknown): Promise<InsertionResult | undefined> {
    const passageId = passageIdArg(arg);
    if (!passageId) {
      await this.picker.show({ action: 'insertQuote', title: 'Briefing: Insert Quote' });
      return undefined;
    }
    const options = arg as { quote?: unknown; form?: unknown };
    return this.inserter.insertQuote(passageId, {
      ...styleArg(arg),
      ...locatorArg(arg),
      ...(typeof options.quote === 'string' ? { quote: options.quote } : {}),
      ...(options.form === 'inline' || options.form === 'block' ? { form: options.form as QuoteForm } : {}),
    });
  }
}
