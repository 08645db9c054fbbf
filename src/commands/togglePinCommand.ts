import type { Library } from '../services/library';
import type { PinStore } from '../services/pinStore';
import { passageIdArg, type Command } from './command';
import type { PassagePicker } from './passagePicker';

/** Briefing: Pin or Unpin Passage… — pinned passages stay at hand in the panel, per workspace. */
export class TogglePinCommand implements Command {
  readonly id = 'briefing.togglePin';

  constructor(
    private readonly library: Library,
    private readonly pins: PinStore,
    private readonly picker: PassagePicker,
  ) {}

  async execute(arg?: unknown): Promise<boolean | undefined> {
    const passageId = passageIdArg(arg);
    if (!passageId) {
      await this.picker.show({ title: 'Briefing: Pin or Unpin (use the pin button on a result)' });
      return undefined;
    }
    await this.library.citable(passageId);
    const requested = (arg as { pinned?: unknown }).pinned;
    const pinned = typeof requested === 'boolean' ? requested : !this.pins.isPinned(passageId);
    await this.pins.setPinned(passageId, pinned);
    return pinned;
  }
}
