import * as vscode from 'vscode';
import type { CompareController } from './compareController';

/** The run ids of a tree command's arguments: VS Code passes the clicked node and, for a multi-selection,
 * every selected node (which includes the clicked one). Ids appear once, in selection order. */
export function runIdsOfNodes(clicked: unknown, selected: unknown): string[] {
  const nodes = Array.isArray(selected) && selected.length > 0 ? selected : [clicked];
  const ids: string[] = [];
  for (const element of nodes) {
    const runId = runIdOf(element);
    if (runId && !ids.includes(runId)) ids.push(runId);
  }
  return ids;
}

function runIdOf(element: unknown): string | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  // A tree element wraps the server's node; a bare node (from another command) has runId itself.
  const node = (element as { node?: unknown }).node ?? element;
  const runId = (node as { runId?: unknown }).runId;
  return typeof runId === 'string' && runId.length > 0 ? runId : undefined;
}

export function registerCompareCommands(controller: CompareController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ideTracker.compare', (clicked?: unknown, selected?: unknown) => {
      const runIds = runIdsOfNodes(clicked, selected);
      if (runIds.length === 0) {
        void vscode.window.showInformationMessage('Select one or more runs in the Runs view to compare them.');
        return undefined;
      }
      controller.open(runIds);
      return undefined;
    }),
    vscode.commands.registerCommand('ideTracker.compareRunIds', (runIds?: unknown) => {
      const ids = Array.isArray(runIds) ? runIds.filter((id): id is string => typeof id === 'string') : [];
      if (ids.length > 0) controller.open(ids);
    }),
  ];
}
