import type * as vscode from 'vscode';

/** Wiring only: later commits build services and register commands here. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
