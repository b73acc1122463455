// The compare panel: a webview comparing runs side by side (params, metrics, charts), opened from the
// tree's selection or by run ids, restored after a window reload.
import * as vscode from 'vscode';
import { CompareRequest, MetricSeriesRequest, SetAnnotationRequest } from '../../protocol';
import type { ServerSession } from '../server';
import { registerCompareCommands } from './commands';
import type { CompareSource } from './compareSource';
import { CompareController, runIdsFromState } from './compareController';
import { compareViewType } from './comparePanel';

let controller: CompareController | undefined;

/** Opens the compare panel on these runs (or reveals the open one with them). */
export function openCompare(runIds: string[]): void {
  if (!controller) throw new Error('The compare feature is not active.');
  controller.open(runIds);
}

export function activateCompare(context: vscode.ExtensionContext, session: ServerSession): CompareController {
  const source: CompareSource = {
    compare: (params) => session.request(CompareRequest.type, params),
    metricSeries: (params) => session.request(MetricSeriesRequest.type, params),
    setAnnotation: (params) => session.request(SetAnnotationRequest.type, params),
  };
  const created = new CompareController(source, context.extensionUri, (message) => session.log.warn(message));
  controller = created;
  context.subscriptions.push(
    created,
    { dispose: () => { if (controller === created) controller = undefined; } },
    ...registerCompareCommands(created),
    // Stars set in the tree, a run still training, files gone: the panel shows what the index holds now.
    session.onRunsChanged((changed) => created.runsChanged(changed.runIds, changed.all)),
    vscode.window.registerWebviewPanelSerializer(compareViewType, {
      deserializeWebviewPanel: async (panel, state) => { created.restore(panel, runIdsFromState(state)); },
    }),
  );
  return created;
}
