import type { Command } from './command';

/** Briefing: Show Panel — reveals the Briefing view and puts the cursor in its search box. */
export class ShowPanelCommand implements Command {
  readonly id = 'briefing.showPanel';

  constructor(private readonly panel: { focusSearch(query?: string): Promise<void> }) {}

  async execute(): Promise<void> {
    await this.panel.focusSearch();
  }
}
