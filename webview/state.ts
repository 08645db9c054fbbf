/**
 * The panel's persisted view state: the query, the scroll position, the
 * collapsed home sections and the pages open over the home. Changes are written through `setState` at most a
 * few times a second, since scrolling reports dozens of positions.
 */
import type { PageRef } from './pageRef';
import { loadState, saveState, type PersistedState } from './vscodeApi';

const SAVE_INTERVAL_MS = 250;

export class ViewState {
  private current: PersistedState;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.current = loadState();
  }

  get query(): string {
    return this.current.query;
  }

  get scrollTop(): number {
    return this.current.scrollTop;
  }

  get pages(): readonly PageRef[] {
    return this.current.pages;
  }

  isCollapsed(sectionId: string): boolean {
    return this.current.collapsed.includes(sectionId);
  }

  setQuery(query: string): void {
    this.update({ query });
  }

  setScrollTop(scrollTop: number): void {
    this.update({ scrollTop: Math.round(scrollTop) });
  }

  setCollapsed(sectionId: string, collapsed: boolean): void {
    const others = this.current.collapsed.filter((id) => id !== sectionId);
    this.update({ collapsed: collapsed ? [...others, sectionId] : others });
  }

  setPages(pages: readonly PageRef[]): void {
    this.update({ pages });
  }

  /** Writes a pending change now, e.g. before the page goes away. */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    saveState(this.current);
  }

  private update(change: Partial<PersistedState>): void {
    this.current = { ...this.current, ...change };
    // Trailing throttle: the first change starts the clock, later ones ride along.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      saveState(this.current);
    }, SAVE_INTERVAL_MS);
  }
}
