import * as vscode from 'vscode';

/** One command: its id and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/**
 * Registers commands and reports their failures in a message instead of
 * letting them vanish; returns one disposable for all of them.
 */
export function registerCommands(commands: readonly Command[], onError: (id: string, error: unknown) => void): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((command) =>
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.execute(...args);
        } catch (error) {
          onError(command.id, error);
          return undefined;
        }
      }),
    ),
  );
}

/** Reads `{ passageId }` from a command argument, as the panel, menus and tests pass it. */
export function passageIdArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { passageId?: unknown }).passageId === 'string') {
    return (arg as { passageId: string }).passageId;
  }
  return undefined;
}
