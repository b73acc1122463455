// The Runs view: a tree over the server's run index, kept current from runsChanged, with a progress bar
// while the server indexes.
import * as vscode from 'vscode';
import { RunDetailsRequest, RunTreeRequest, type IndexState } from '../../protocol';
import { ServerNotRunningError, type ServerSession } from '../server';
import { ChangeCoalescer } from './changeCoalescer';
import { registerRunTreeCommands } from './commands';
import { registerViewCommands } from './viewCommands';
import { selectedRunIdsCommand } from './selectedRunIds';
import type { RunTreeElement } from './runTreeElements';
import { RunTreeProvider, type RunTreeSource } from './runTreeProvider';

export const runsViewId = 'ideTracker.runs';

export function activateRunTree(context: vscode.ExtensionContext, session: ServerSession): RunTreeProvider {
  const source: RunTreeSource = {
    runTree: (params, token) => session.request(RunTreeRequest.type, params, token),
    runDetails: (runId, token) => session.request(RunDetailsRequest.type, { runId }, token),
  };
  const provider = new RunTreeProvider(source, (what, error) => {
    // Before the server runs, the view is simply empty; it is redrawn when the server is up.
    if (!(error instanceof ServerNotRunningError)) session.log.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const treeView = vscode.window.createTreeView<RunTreeElement>(runsViewId, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const coalescer = new ChangeCoalescer((change) => void provider.runsChanged(change.runIds, change.all));
  const progress = new IndexProgress();

  const setIndexState = (state: IndexState) => {
    void vscode.commands.executeCommand('setContext', 'ideTracker.indexState', state);
    progress.show(state === 'indexing');
  };

  context.subscriptions.push(
    treeView,
    coalescer,
    progress,
    ...registerRunTreeCommands({ session, provider, treeView }),
    ...registerViewCommands({ context, session, provider, treeView }),
    vscode.commands.registerCommand(selectedRunIdsCommand, () =>
      treeView.selection.flatMap((e) => (e.type === 'node' && e.node.runId ? [e.node.runId] : []))),
    session.onRunsChanged((changed) => coalescer.add(changed.runIds, changed.all)),
    session.onIndexStatus((status) => setIndexState(status.state)),
    session.onDidChangeState((state) => {
      if (state === 'starting') setIndexState('indexing');
      else if (state !== 'running') progress.show(false);
      provider.reset();
    }),
  );
  return provider;
}

/** The thin progress bar at the top of the view while the server indexes. (The server's work-done
 * progress, which vscode-languageclient shows in the status bar, says how far it has got.) */
class IndexProgress implements vscode.Disposable {
  private finish: (() => void) | undefined;

  show(visible: boolean): void {
    if (visible && !this.finish) {
      void vscode.window.withProgress({ location: { viewId: runsViewId } }, () => new Promise<void>((done) => { this.finish = done; }));
    } else if (!visible && this.finish) {
      this.finish();
      this.finish = undefined;
    }
  }

  dispose(): void {
    this.show(false);
  }
}
