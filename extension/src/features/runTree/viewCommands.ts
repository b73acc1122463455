// Commands that change what the Runs view shows or what the user wrote about a run: the filter, the
// grouping, stars, tags and notes, and comparing what the filter selects.
import * as vscode from 'vscode';
import {
  QueryRequest, RunDetailsRequest, SetAnnotationRequest, type Annotation, type RunTreeNode, type SetAnnotationParams, type TreeGrouping,
} from '../../protocol';
import type { ServerSession } from '../server';
import { parseTags, tagProblem } from './annotationText';
import { activeFilterKey, filterDescription, FilterHistory, groupingKey, runCount } from './filterHistory';
import { pickFilter } from './filterPicker';
import type { NodeElement, RunTreeElement } from './runTreeElements';
import type { RunTreeProvider } from './runTreeProvider';

interface Dependencies {
  readonly context: vscode.ExtensionContext;
  readonly session: ServerSession;
  readonly provider: RunTreeProvider;
  readonly treeView: vscode.TreeView<RunTreeElement>;
}

/** How many runs "Compare Filtered Runs" opens at most. */
export const maxCompareRuns = 500;

export function registerViewCommands({ context, session, provider, treeView }: Dependencies): vscode.Disposable[] {
  const history = new FilterHistory(context.workspaceState);

  /** The runs a command is about: the clicked row with the rest of a multi-selection, or the selection; the
   * compare panel passes `{ runId, label }` itself. */
  const runsOf = (argument?: unknown, selected?: unknown): Array<Pick<RunTreeNode, 'runId' | 'label'>> => {
    const chosen = Array.isArray(selected) && selected.length > 0 ? selected : argument ? [argument] : treeView.selection;
    return (chosen as unknown[]).flatMap((e): Array<Pick<RunTreeNode, 'runId' | 'label'>> => {
      if ((e as RunTreeElement)?.type === 'node') return (e as NodeElement).node.runId ? [(e as NodeElement).node] : [];
      const plain = e as { runId?: unknown; label?: unknown };
      return typeof plain?.runId === 'string' ? [{ runId: plain.runId, label: typeof plain.label === 'string' ? plain.label : plain.runId }] : [];
    });
  };

  const showFilter = async () => {
    const filter = provider.options.filter;
    await vscode.commands.executeCommand('setContext', 'ideTracker.filtered', !!filter);
    if (!filter) {
      const byLineage = provider.options.grouping === 'lineage';
      treeView.description = byLineage ? 'by lineage' : undefined;
      treeView.message = byLineage ? 'By lineage: each run under the earlier run it changed least from.' : undefined;
      return;
    }
    let total: number | undefined;
    try {
      total = (await session.request(QueryRequest.type, { filter, offset: 0, limit: 0 })).total;
    } catch {
      total = undefined;
    }
    // A container with one view shows no view description, so the message says it all.
    treeView.description = filterDescription(filter, total);
    treeView.message = total === undefined ? `Filtered: ${filter}` : `Filtered: ${filter} · ${runCount(total)}`;
  };

  const applyFilter = async (filter: string | undefined) => {
    const text = filter?.trim() || undefined;
    provider.setOptions({ ...provider.options, filter: text });
    await context.workspaceState.update(activeFilterKey, text);
    if (text) await history.add(text);
    await showFilter();
  };

  const applyGrouping = async (grouping: TreeGrouping) => {
    provider.setOptions({ ...provider.options, grouping });
    await context.workspaceState.update(groupingKey, grouping);
    await vscode.commands.executeCommand('setContext', 'ideTracker.grouping', grouping);
    await showFilter();
  };

  /** Sets what `change` returns on each run in turn; it sees the run's annotation when it needs it. */
  const annotate = async (
    nodes: Array<Pick<RunTreeNode, 'runId' | 'label'>>,
    change: (current: () => Promise<Annotation | undefined>, node: Pick<RunTreeNode, 'runId' | 'label'>) => Promise<Omit<SetAnnotationParams, 'runId'> | undefined>,
  ) => {
    for (const node of nodes) {
      const current = async () => (await session.request(RunDetailsRequest.type, { runId: node.runId! }))?.annotation;
      const next = await change(current, node);
      if (!next) return;
      try {
        await session.request(SetAnnotationRequest.type, { runId: node.runId!, ...next });
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not save the annotation of "${node.label}": ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
  };

  const setStar = (starred: boolean) => (argument?: unknown, selected?: unknown) =>
    annotate(runsOf(argument, selected), async () => ({ starred }));

  // The view opens as the user left it.
  const savedGrouping = context.workspaceState.get<TreeGrouping>(groupingKey) === 'lineage' ? 'lineage' : 'experiment';
  provider.setOptions({ filter: context.workspaceState.get<string>(activeFilterKey) || undefined, grouping: savedGrouping });
  void vscode.commands.executeCommand('setContext', 'ideTracker.grouping', savedGrouping);
  void showFilter();

  return [
    vscode.commands.registerCommand('ideTracker.filterRuns', async (text?: unknown) => {
      // Tests and other extensions may pass the filter; people get the picker.
      const filter = typeof text === 'string' ? text : await pickFilter(session, history, provider.options.filter);
      if (filter === undefined) return;
      if (typeof text === 'string' && text.trim()) {
        const checked = await session.request(QueryRequest.type, { filter: text, offset: 0, limit: 0 });
        if (checked.error) {
          void vscode.window.showErrorMessage(`The filter was not applied: ${checked.error.message}`);
          return;
        }
      }
      await applyFilter(filter);
    }),
    vscode.commands.registerCommand('ideTracker.clearFilter', () => applyFilter(undefined)),
    vscode.commands.registerCommand('ideTracker.groupByLineage', () => applyGrouping('lineage')),
    vscode.commands.registerCommand('ideTracker.groupByExperiment', () => applyGrouping('experiment')),
    vscode.commands.registerCommand('ideTracker.star', setStar(true)),
    vscode.commands.registerCommand('ideTracker.unstar', setStar(false)),
    vscode.commands.registerCommand('ideTracker.editTags', (argument?: unknown, selected?: unknown) =>
      annotate(runsOf(argument, selected), async (current, node) => {
        const text = await vscode.window.showInputBox({
          title: `Tags of ${node.label}`,
          prompt: 'Tags separated by commas or spaces; filter with tag:<name>',
          value: ((await current())?.tags ?? []).join(', '),
          validateInput: tagProblem,
        });
        return text === undefined ? undefined : { tags: parseTags(text) };
      })),
    vscode.commands.registerCommand('ideTracker.editNote', (argument?: unknown, selected?: unknown) =>
      annotate(runsOf(argument, selected), async (current, node) => {
        const text = await vscode.window.showInputBox({
          title: `Note on ${node.label}`,
          prompt: 'Why you ran it, what you saw. Kept in .ide-tracker/ beside your code; empty removes the note.',
          value: (await current())?.note ?? '',
        });
        return text === undefined ? undefined : { note: text };
      })),
    vscode.commands.registerCommand('ideTracker.openAnnotationFile', async (argument?: unknown) => {
      const [node] = runsOf(argument);
      if (!node?.runId) return;
      const file = (await session.request(RunDetailsRequest.type, { runId: node.runId }))?.annotation?.file;
      if (!file) {
        void vscode.window.showInformationMessage(`"${node.label}" has no annotation yet: star it or give it a tag or a note.`);
        return;
      }
      await vscode.window.showTextDocument(vscode.Uri.file(file));
    }),
    vscode.commands.registerCommand('ideTracker.compareFiltered', async () => {
      const filter = provider.options.filter;
      const result = await session.request(QueryRequest.type, { filter, offset: 0, limit: maxCompareRuns });
      if (result.error) {
        void vscode.window.showErrorMessage(result.error.message);
        return;
      }
      if (result.runs.length === 0) {
        void vscode.window.showInformationMessage('No runs match the filter.');
        return;
      }
      if (result.total > result.runs.length) {
        void vscode.window.showInformationMessage(`Comparing the newest ${result.runs.length} of ${result.total} matching runs.`);
      }
      await vscode.commands.executeCommand('ideTracker.compareRunIds', result.runs.map((r) => r.runId!));
    }),
    vscode.commands.registerCommand('ideTracker.revealRun', async (runId?: unknown) => {
      if (typeof runId !== 'string') return;
      const details = await session.request(RunDetailsRequest.type, { runId });
      if (!details) return;
      const ancestors: string[] = [];
      for (let parent = details.parentId; parent && ancestors.length < 8 && !ancestors.includes(parent);) {
        ancestors.unshift(parent);
        parent = (await session.request(RunDetailsRequest.type, { runId: parent }))?.parentId;
      }
      const element = provider.elementOf(runId)
        ?? await provider.locate({ runId, path: details.path, experiment: details.experiment, ancestors });
      if (!element) {
        const why = provider.options.filter ? ' The filter hides it.' : '';
        vscode.window.setStatusBarMessage(`"${details.name}" is not shown in the Runs view.${why}`, 4000);
        return;
      }
      await treeView.reveal(element, { select: true, focus: false, expand: false });
    }),
    session.onDidChangeState((state) => {
      if (state === 'running') void showFilter();
    }),
  ];
}
