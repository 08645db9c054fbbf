// The stop-word lists Briefing takes from the `stopword` package (it ships no types for them).
declare module 'stopword' {
  export const rus: readonly string[];
  export const ukr: readonly string[];
}
