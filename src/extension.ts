import * as vscode from 'vscode';
import { CheckCodeActions } from './checks/checkCodeActions';
import { CheckHovers } from './checks/checkHovers';
import { CheckScope } from './checks/checkScope';
import { ClaimLenses } from './checks/claimLenses';
import { DraftChecker } from './checks/draftChecker';
import { SourceLocations } from './checks/sourceLocations';
import { AddSourceCommand } from './commands/addSourceCommand';
import { ApplyFixCommand } from './commands/applyFixCommand';
import { AddSourceFromUrlCommand } from './commands/addSourceFromUrlCommand';
import { CheckDraftCommand } from './commands/checkDraftCommand';
import { TidyCitationsCommand, tidyOnSave } from './commands/tidyCitationsCommand';
import { registerCommands } from './commands/command';
import { CopyCitationCommand } from './commands/copyCitationCommand';
import { ExportBriefingCommand } from './commands/exportBriefingCommand';
import { ExportSourcesCommand } from './commands/exportSourcesCommand';
import { FindSourcesForSelectionCommand } from './commands/findSourcesForSelectionCommand';
import { InsertCitationCommand } from './commands/insertCitationCommand';
import { InsertQuoteCommand } from './commands/insertQuoteCommand';
import { OpenSourceCommand } from './commands/openSourceCommand';
import { PassagePicker } from './commands/passagePicker';
import { QuoteChooser } from './commands/quoteChooser';
import { QuoteSearchResultCommand } from './commands/quoteSearchResultCommand';
import { SearchCommand } from './commands/searchCommand';
import { ShowPanelCommand } from './commands/showPanelCommand';
import { TogglePinCommand } from './commands/togglePinCommand';
import { DraftInserter } from './editor/draftInserter';
import { DraftTracker } from './editor/draftTracker';
import { SourceViewer } from './editor/sourceViewer';
import { ArchivePasswordCommand } from './commands/archivePasswordCommand';
import { ArchiveStatusCommand } from './commands/archiveStatusCommand';
import { ArchiveLink } from './services/archiveLink';
import { ArchiveStatusItem } from './views/archiveStatusItem';
import { CitedSources } from './services/citedSources';
import { Library } from './services/library';
import { Log } from './services/log';
import { PinStore } from './services/pinStore';
import { SnippetMemory } from './services/snippetMemory';
import { settings } from './services/settings';
import { SourceWatcher } from './services/sourceWatcher';
import { PanelProvider } from './views/panelProvider';
import { RelatedFollower } from './views/relatedFollower';

/** Wiring only: nothing here reads the corpus; the library loads it on first use. */
export function activate(context: vscode.ExtensionContext): void {
  const log = new Log();
  /** A failure of something the user asked for: logged, and shown where they are looking. */
  const showError = (what: string, error: unknown): void => {
    log.error(what, error);
    void vscode.window.showErrorMessage(`Briefing: ${error instanceof Error ? error.message : String(error)}`);
  };
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  const library = new Library(context.extensionUri, context.storageUri ?? context.globalStorageUri, log, typeof version === 'string' ? version : undefined);
  const archive = new ArchiveLink(library, context.secrets, log);
  const pins = new PinStore(context.workspaceState);
  const snippets = new SnippetMemory();
  const viewer = new SourceViewer(library);
  const drafts = new DraftTracker((document) => viewer.isSourceView(document));
  const cited = new CitedSources(drafts, library);
  const inserter = new DraftInserter(library, drafts, pins, snippets, log);
  const openSource = new OpenSourceCommand(library, viewer);
  const chooser = new QuoteChooser(library, inserter, drafts, snippets);
  const picker = new PassagePicker(
    library,
    archive,
    inserter,
    chooser,
    pins,
    snippets,
    cited,
    (passageId) => openSource.openPassage(passageId),
    (docId) => openSource.pickInDocument(docId),
    (error) => showError('A search action failed', error),
  );
  const panel = new PanelProvider(
    context.extensionUri,
    library,
    archive,
    inserter,
    pins,
    snippets,
    cited,
    (passageId) => openSource.openPassage(passageId),
    (docId) => openSource.pickInDocument(docId),
    (passageId) => chooser.quote(passageId),
    log,
  );

  const addSource = new AddSourceCommand();
  const watcher = new SourceWatcher(library, log);
  const scope = new CheckScope(library, (document) => viewer.isSourceView(document), (error) => log.error('Could not list the source files', error));
  const checker = new DraftChecker(library, scope, new SourceLocations(library), log);
  const claimLenses = new ClaimLenses(library, checker, scope, log);
  // Providers register for every prose language a user might enable; each checks the settings when asked.
  const prose = ['markdown', 'plaintext', 'latex', 'tex', 'restructuredtext', 'asciidoc', 'org', ...settings.checksLanguages()].map((language) => ({ language }));

  context.subscriptions.push(
    log,
    library,
    archive,
    new ArchiveStatusItem(archive),
    watcher,
    library.onDidRenamePassages((renamed) => pins.remap(renamed).catch((error: unknown) => log.error('Could not move pins to the renamed passages', error))),
    library.onDidChange(() => panel.refreshHome().catch((error: unknown) => log.error('Could not refresh the panel', error))),
    // Once the sources are loaded, connect to the archive (if one is set), so topic pages and checks can draw on it.
    library.onDidChange(() => void (archive.enabled ? archive.ensure() : undefined)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('briefing.search.meaning') && library.started) void library.applyMeaning();
      if (!event.affectsConfiguration('briefing.sources')) return;
      watcher.watch();
      if (library.started) void library.reload().catch(() => undefined);
    }),
    pins,
    drafts,
    cited,
    viewer,
    panel,
    new RelatedFollower(panel, (error) => log.error('Could not update the related passages', error)),
    vscode.window.registerWebviewViewProvider(PanelProvider.viewId, panel),
    scope,
    checker,
    claimLenses,
    vscode.languages.registerHoverProvider(prose, new CheckHovers(checker, scope, library, log)),
    vscode.languages.registerCodeActionsProvider(prose, new CheckCodeActions(checker, scope), { providedCodeActionKinds: CheckCodeActions.kinds }),
    vscode.languages.registerCodeLensProvider(prose, claimLenses),
    tidyOnSave(library, () => settings.tidyOnSave()),
    registerCommands(
      [
        new SearchCommand(picker),
        openSource,
        new InsertCitationCommand(inserter, picker),
        new InsertQuoteCommand(chooser, picker),
        new QuoteSearchResultCommand(picker),
        new ApplyFixCommand(inserter),
        new CopyCitationCommand(inserter, picker),
        new FindSourcesForSelectionCommand(drafts, picker),
        new TogglePinCommand(library, pins, picker),
        new ShowPanelCommand(panel),
        addSource,
        new AddSourceFromUrlCommand(library, addSource),
        new ExportBriefingCommand(library),
        new ExportSourcesCommand(library),
        new TidyCitationsCommand(library),
        new CheckDraftCommand(checker),
        new ArchiveStatusCommand(archive),
        new ArchivePasswordCommand(archive),
      ],
      (id, error) => showError(`Command ${id} failed`, error),
    ),
  );
}

export function deactivate(): void {}
