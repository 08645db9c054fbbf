/**
 * The panel's persisted view state: the query, the scroll position, which
 * sections are open and which show all their items, and the pages open
 * over the home. Changes are written through `setState` at most a few times
 * a second, since scrolling reports dozens of positions.
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

  /** Whether a section is collapsed: as the user left it, else as it starts. */
  isCollapsed(sectionId: string, byDefault = false): boolean {
    if (this.current.collapsed.includes(sectionId)) return true;
    if (this.current.expanded.includes(sectionId)) return false;
    return byDefault;
  }

  /** Whether the user asked a section for all its items, not only its best few. */
  isShowingAll(sectionId: string): boolean {
    return this.current.showAll.includes(sectionId);
  }

  setQuery(query: string): void {
    this.update({ query });
  }

  setScrollTop(scrollTop: number): void {
    this.update({ scrollTop: Math.round(scrollTop) });
  }

  setCollapsed(sectionId: string, collapsed: boolean): void {
    const without = (list: readonly string[]): string[] => list.filter((id) => id !== sectionId);
    this.update({
      collapsed: collapsed ? [...without(this.current.collapsed), sectionId] : without(this.current.collapsed),
      expanded: collapsed ? without(this.current.expanded) : [...without(this.current.expanded), sectionId],
    });
  }

  setShowingAll(sectionId: string, all: boolean): void {
    const others = this.current.showAll.filter((id) => id !== sectionId);
    this.update({ showAll: all ? [...others, sectionId] : others });
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
