/**
 * Keeps a wrapping list (the topic chips) to its first few rows: the items
 * that would start a further row are hidden (out of the tab order too), and
 * the caller hears how many, to offer "Show all". Re-fits when the panel is
 * resized.
 */

/** Fits `list`'s `<li>` items to `rows` rows now and on every resize; returns a function that stops it. */
export function fitRows(list: HTMLElement, rows: number, onFit: (hidden: number) => void): () => void {
  let last = -1;
  const fit = (): void => {
    const items = [...list.children].filter((child): child is HTMLElement => child instanceof HTMLElement);
    for (const item of items) item.hidden = false;
    if (list.getClientRects().length === 0) return; // not laid out (a collapsed section): fit when it shows
    const tops = [...new Set(items.map((item) => item.offsetTop))].sort((a, b) => a - b);
    const limit = tops[rows];
    let hidden = 0;
    if (limit !== undefined) {
      for (const item of items) {
        if (item.offsetTop >= limit) {
          item.hidden = true;
          hidden++;
        }
      }
    }
    if (hidden !== last) {
      last = hidden;
      onFit(hidden);
    }
  };
  const observer = new ResizeObserver(() => fit());
  observer.observe(list);
  fit();
  return () => observer.disconnect();
}
