/** A linear scan in JS, the floor any index must beat: every query word a substring of the lowercased passage. */
import { performance } from 'node:perf_hooks';
import { scanTerms } from './queries';
import { summarize, type Summary } from './stats';

export function measureLinearScan(texts: readonly string[], queries: readonly string[]): { scan: Summary; withHits: number } {
  const lowered = texts.map((text) => text.toLowerCase());
  const scanOne = (query: string): number => {
    const terms = scanTerms(query);
    let found = 0;
    for (const text of lowered) if (terms.every((term) => text.includes(term))) found++;
    return found;
  };
  queries.slice(0, 10).forEach(scanOne);
  const samples: number[] = [];
  let withHits = 0;
  for (const query of queries) {
    const start = performance.now();
    if (scanOne(query) > 0) withHits++;
    samples.push(performance.now() - start);
  }
  return { scan: summarize(samples), withHits };
}
