import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Log } from '../services/log';
import type { DraftFinding, SourceRef } from '../worker/draftReport';
import type { CheckScope } from './checkScope';
import { contradictingDocs, isProblem, type DraftChecker } from './draftChecker';
import { commandLink, fixCommand } from './fixLinks';

/** Commands a hover may run from its links; nothing else is trusted. */
const HOVER_COMMANDS = ['briefing.insertCitation', 'briefing.openSource', 'briefing.applyFix'];

/**
 * Hovers over a figure or quote the sources state (with the source
 * sentence and a link to cite it), over one they contradict (with what the
 * source says and a link to correct it, never to cite it), and over a
 * citation (with the cited source).
 */
export class CheckHovers implements vscode.HoverProvider {
  constructor(
    private readonly checker: DraftChecker,
    private readonly scope: CheckScope,
    private readonly library: Library,
    private readonly log: Log,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.scope.applies(document)) return undefined;
    const offset = document.offsetAt(position);
    const findings = this.checker.findingsOf(document);
    const finding = findings.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
    if (finding && finding.sources.length > 0) {
      const range = new vscode.Range(document.positionAt(finding.span.start), document.positionAt(finding.span.end));
      return new vscode.Hover(findingHover(finding, document, contradictingDocs(findings, finding)), range);
    }
    const citation = await this.library.citationAt(document.getText(), offset).catch((error: unknown) => {
      this.log.error('Could not look up the citation under the pointer', error);
      return undefined;
    });
    if (!citation) return undefined;
    const markdown = trusted();
    markdown.appendMarkdown('**');
    markdown.appendText(citation.meta.outlet ?? citation.meta.author ?? citation.meta.title);
    markdown.appendMarkdown('** — ');
    markdown.appendText(`“${citation.meta.title}”, ${citation.meta.date.label}`);
    if (citation.passage) {
      markdown.appendMarkdown('\n\n> ');
      markdown.appendText(shorten(citation.passage.text, 400));
      markdown.appendMarkdown(`\n\n[Open the source](${commandLink('briefing.openSource', { passageId: citation.passage.id })})`);
    }
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(citation.span.start), document.positionAt(citation.span.end)));
  }
}

/**
 * The finding's sources, each with a link to open it; where they support the
 * draft, a link to cite each where the finding says (in this version of the
 * draft), unless the source contradicts something else in the sentence;
 * where they contradict it, a link to the correction instead.
 */
function findingHover(finding: DraftFinding, document: vscode.TextDocument, contradicting: ReadonlySet<string>): vscode.MarkdownString {
  const cite = { at: finding.citeAt, uri: document.uri.toString(), version: document.version };
  const problem = isProblem(finding);
  const markdown = trusted();
  markdown.appendMarkdown('**Briefing:** ');
  markdown.appendText(finding.message);
  const fix = fixCommand(finding, document);
  if (fix) {
    markdown.appendMarkdown('\n\n$(lightbulb) [');
    markdown.appendText(fix.title);
    markdown.appendMarkdown(`](${commandLink(fix.command, fix.arguments?.[0])})`);
  }
  for (const ref of uniqueSources(finding.sources).slice(0, 3)) {
    markdown.appendMarkdown('\n\n> ');
    markdown.appendText(shorten(ref.quote, 300));
    markdown.appendMarkdown('\n>\n> — ');
    markdown.appendText(ref.source);
    if (!problem && !contradicting.has(ref.meta.id)) markdown.appendMarkdown(` · [Cite](${commandLink('briefing.insertCitation', { passageId: ref.passageId, ...cite })})`);
    markdown.appendMarkdown(` · [Open](${commandLink('briefing.openSource', { passageId: ref.passageId })})`);
  }
  return markdown;
}

/** One reference per source document, in order. */
export function uniqueSources(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(ref.meta.id) && seen.add(ref.meta.id) !== undefined);
}

function trusted(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
  return markdown;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
