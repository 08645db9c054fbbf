import * as vscode from 'vscode';

const PINS_KEY = 'briefing.pins';
const RECENT_KEY = 'briefing.recent';
const MAX_RECENT = 20;

/** Pinned and recently used passages, kept per workspace. */
export class PinStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the pins change. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  pins(): string[] {
    return this.state.get<string[]>(PINS_KEY, []);
  }

  isPinned(passageId: string): boolean {
    return this.pins().includes(passageId);
  }

  async setPinned(passageId: string, pinned: boolean): Promise<void> {
    const others = this.pins().filter((id) => id !== passageId);
    await this.state.update(PINS_KEY, pinned ? [passageId, ...others] : others);
    this.changed.fire();
  }

  recent(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  async markUsed(passageId: string): Promise<void> {
    const others = this.recent().filter((id) => id !== passageId);
    await this.state.update(RECENT_KEY, [passageId, ...others].slice(0, MAX_RECENT));
  }

  /** Moves pins and recent entries to the new ids of passages whose file was renamed or edited. */
  async remap(renamed: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const map = new Map(renamed);
    const move = (ids: string[]): string[] => [...new Set(ids.map((id) => map.get(id) ?? id))];
    await this.state.update(PINS_KEY, move(this.pins()));
    await this.state.update(RECENT_KEY, move(this.recent()));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
