const CAPACITY = 500;

/**
 * The sentences last shown to the user for each passage, so that "insert
 * quote" quotes what the user read in the result, not the whole paragraph.
 */
export class SnippetMemory {
  private readonly snippets = new Map<string, string>();

  remember(passageId: string, snippet: string): void {
    this.snippets.delete(passageId);
    this.snippets.set(passageId, snippet);
    if (this.snippets.size > CAPACITY) this.snippets.delete(this.snippets.keys().next().value as string);
  }

  recall(passageId: string): string | undefined {
    return this.snippets.get(passageId);
  }
}
