/**
 * Tiny DOM helpers. Corpus text only ever reaches the page through
 * `textContent` or text nodes: nothing here parses HTML.
 */

type Child = Node | string | null | undefined | false;

/** Attributes and properties for {@link el}; `undefined` values are skipped. */
export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

/** Creates an element with an optional class, text and attributes, then appends the children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

/** Appends nodes, turning strings into text nodes and skipping empty children. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A decorative codicon glyph; hidden from assistive technology. */
export function codicon(name: string, className = ''): HTMLSpanElement {
  return el('span', { className: `codicon codicon-${name}${className ? ` ${className}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** A toolbar-style icon button: a real `<button>` named by `label`, with a tooltip. */
export function iconButton(icon: string, label: string, className = 'action'): HTMLButtonElement {
  return el('button', { className, attrs: { type: 'button', 'aria-label': label, title: label } }, codicon(icon));
}

/** Changes an icon button's glyph and name in place. */
export function setIconButton(button: HTMLButtonElement, icon: string, label: string): void {
  button.setAttribute('aria-label', label);
  button.title = label;
  button.replaceChildren(codicon(icon));
}

/** English plural: `count(3, 'passage')` → "3 passages". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
