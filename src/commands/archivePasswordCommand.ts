import type { ArchiveLink } from '../services/archiveLink';
import type { Command } from './command';

/** Briefing: Set Archive Password… — asks for it and keeps it in VS Code's secret storage. */
export class ArchivePasswordCommand implements Command {
  readonly id = 'briefing.archivePassword';

  constructor(private readonly link: ArchiveLink) {}

  async execute(): Promise<void> {
    await this.link.askPassword();
  }
}
