import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import * as vscode from 'vscode';
import { stubRecord, Uri, type WebviewPanelStub } from '../../../test/unit/vscodeStub';
import type { RunsChangedParams } from '../../../protocol';
import type { ServerSession } from '../../server';
import { activateCompare, openCompare } from '..';
import { compareViewType } from '../comparePanel';
import { until } from './fakeCompareSource';

/** A session that answers every request with an empty comparison and records the method names. */
function fakeSession() {
  const changed = new vscode.EventEmitter<RunsChangedParams>();
  const methods: Array<{ method: string; params: unknown }> = [];
  const session = {
    log: { warn: () => {} },
    onRunsChanged: changed.event,
    async request(type: { method: string }, params: unknown) {
      methods.push({ method: type.method, params });
      return { runs: [], params: [], metrics: [], environment: [], metricKeys: [], missing: [] };
    },
  };
  return { session: session as unknown as ServerSession, methods, changed };
}

describe('activating the compare feature', () => {
  beforeEach(() => stubRecord.reset());

  test('registers both commands and the panel serializer, and asks the server by the protocol\'s method names', async () => {
    const { session, methods, changed } = fakeSession();
    const context = { subscriptions: [] as vscode.Disposable[], extensionUri: Uri.file('/ext') };
    activateCompare(context as unknown as vscode.ExtensionContext, session);
    assert.ok(stubRecord.commands.has('ideTracker.compare'));
    assert.ok(stubRecord.commands.has('ideTracker.compareRunIds'));
    assert.ok(stubRecord.serializers.has(compareViewType));

    openCompare(['a']);
    const panel = stubRecord.panels[0] as WebviewPanelStub;
    panel.receive({ type: 'ready' });
    panel.receive({ type: 'requestSeries', requestId: 1, runIds: ['a'], keys: ['loss'] });
    panel.receive({ type: 'setStar', runId: 'a', starred: false });
    await until(() => methods.length === 3, 'three requests');
    assert.deepEqual(methods.map((m) => m.method).sort(), ['ideTracker/compare', 'ideTracker/metricSeries', 'ideTracker/setAnnotation']);

    changed.fire({ runIds: ['a'], all: false });
    await until(() => methods.length === 4, 'a compare after runsChanged');
    assert.equal(methods[3]!.method, 'ideTracker/compare');

    for (const d of context.subscriptions) d.dispose();
    assert.equal(panel.disposed, true);
    assert.throws(() => openCompare(['b']), /not active/);
  });

  test('a panel VS Code restores after a reload compares the runs its state names', async () => {
    const { session, methods } = fakeSession();
    const context = { subscriptions: [] as vscode.Disposable[], extensionUri: Uri.file('/ext') };
    activateCompare(context as unknown as vscode.ExtensionContext, session);
    const panel = vscode.window.createWebviewPanel(compareViewType, 'Compare', vscode.ViewColumn.Active, {}) as unknown as WebviewPanelStub;
    await stubRecord.serializers.get(compareViewType)!.deserializeWebviewPanel(panel, { version: 1, runIds: ['x', 'y'] });
    panel.receive({ type: 'ready' });
    await until(() => methods.length === 1, 'the compare');
    assert.deepEqual(methods[0]!.params, { runIds: ['x', 'y'] });
    for (const d of context.subscriptions) d.dispose();
  });
});
