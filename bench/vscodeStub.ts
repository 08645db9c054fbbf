/**
 * A stand-in for the `vscode` module, for timing the extension's module
 * load and activate() outside VS Code, and for driving the extension's
 * Library (and through it the real index worker) from the benchmark.
 * Every property is a callable, constructible stub that returns another
 * stub, so wiring code runs; the few values the extension reads as data
 * are given plainly (no editor, no workspace folder, the settings asked
 * for), and the few classes the library needs work (Uri, EventEmitter,
 * withProgress). It measures our code, not VS Code's.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

type Stub = Record<string | symbol, unknown> & ((...args: unknown[]) => unknown);

function stub(name: string, values: Readonly<Record<string, unknown>> = {}): Stub {
  const members = new Map<string | symbol, unknown>();
  const target = function stubbed(): void {};
  return new Proxy(target, {
    get(_target, property) {
      if (typeof property === 'string' && property in values) return values[property];
      if (property === 'then') return undefined; // not a promise
      if (property === 'prototype') return target.prototype;
      if (property === Symbol.toPrimitive) return () => `[vscode stub ${name}]`;
      if (property === Symbol.iterator) return function* empty(): Generator<never> {};
      if (property === 'dispose') return () => undefined;
      if (!members.has(property)) members.set(property, stub(`${name}.${String(property)}`));
      return members.get(property);
    },
    // What the extension sets (a status bar item's name, text, tooltip) is kept, even where the function stub has its own read-only 'name'.
    set(_target, property, value) {
      members.set(property, value);
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`) as object,
  }) as unknown as Stub;
}

const memento = { get: <T>(_key: string, fallback?: T): T | undefined => fallback, update: async (): Promise<void> => {}, keys: (): string[] => [] };

/** A file URI with what the extension reads of one. */
function fileUri(fsPath: string): Record<string, unknown> {
  return { fsPath, path: fsPath, scheme: 'file', toString: () => `file://${fsPath}` };
}

/** vscode.EventEmitter, as the extension uses it. */
class EventEmitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/**
 * The stub module: no active editor, no workspace, settings at their
 * defaults unless given (keys without the "briefing." prefix). Its members
 * are own properties named after the `vscode.X` the bundle uses, because
 * esbuild's interop copies a module's own properties.
 */
export function vscodeStub(bundleText: string, settings: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const noCancel = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
  const values: Record<string, unknown> = {
    window: stub('window', {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      state: { focused: true },
      withProgress: <R>(_options: unknown, task: (progress: { report(): void }, token: typeof noCancel) => Promise<R>) => task({ report: () => undefined }, noCancel),
    }),
    workspace: stub('workspace', {
      workspaceFolders: undefined,
      textDocuments: [],
      getConfiguration: () => ({
        get: <T>(key: string, fallback?: T): T | undefined => (Object.hasOwn(settings, key) ? (settings[key] as T) : fallback),
        has: (key: string) => Object.hasOwn(settings, key),
        update: async () => {},
      }),
    }),
    Uri: stub('Uri', {
      file: fileUri,
      joinPath: (base: { fsPath: string }, ...parts: string[]) => fileUri(path.join(base.fsPath, ...parts)),
    }),
    EventEmitter,
  };
  for (const match of bundleText.matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)) values[match[1]] ??= stub(match[1]);
  return values;
}

/** Makes `require('vscode')` return the stub, from now on, in this process only. */
export function installVscodeStub(bundleText: string, settings: Readonly<Record<string, unknown>> = {}): void {
  const id = path.join(__dirname, '__vscode_stub__.js');
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function resolveWithStub(this: unknown, request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? id : resolve.call(this, request, ...rest);
  };
  loader._cache[id] = { id, filename: id, loaded: true, exports: vscodeStub(bundleText, settings), children: [], paths: [] };
}

/** A minimal extension context for activate(). */
export function fakeContext(extensionRoot: string): Record<string, unknown> {
  return {
    subscriptions: [] as unknown[],
    extensionPath: extensionRoot,
    extensionUri: stub('extensionUri', { fsPath: extensionRoot, path: extensionRoot, scheme: 'file' }),
    workspaceState: memento,
    globalState: { ...memento, setKeysForSync: () => undefined },
    storageUri: undefined,
    globalStorageUri: stub('globalStorageUri'),
    logUri: stub('logUri'),
    extensionMode: 1,
    extension: { id: 'briefing-dev.briefing', packageJSON: JSON.parse(readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) },
    asAbsolutePath: (relative: string) => path.join(extensionRoot, relative),
  };
}
