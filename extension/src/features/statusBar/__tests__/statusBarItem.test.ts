import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as vscode from 'vscode';
import type { IndexStatusParams } from '../../../protocol';
import type { ServerSession, ServerState } from '../../server';
import { activateStatusBar } from '..';

/** The two events and two getters of a session the status bar reads. */
function fakeSession() {
  const stateChanged = new vscode.EventEmitter<ServerState>();
  const statusReceived = new vscode.EventEmitter<IndexStatusParams>();
  const fake = {
    state: 'stopped' as ServerState,
    indexStatus: undefined as IndexStatusParams | undefined,
    onDidChangeState: stateChanged.event,
    onIndexStatus: statusReceived.event,
    setState(state: ServerState) { this.state = state; stateChanged.fire(state); },
    receive(status: IndexStatusParams) { this.indexStatus = status; statusReceived.fire(status); },
  };
  return fake;
}

describe('the status bar item', () => {
  test('is hidden while no server runs, then follows the server state and its index status', () => {
    const session = fakeSession();
    const context = { subscriptions: [] as { dispose(): void }[] };
    const item = activateStatusBar(context as unknown as vscode.ExtensionContext, session as unknown as ServerSession);
    assert.equal((item as unknown as { visible: boolean }).visible, false);

    session.setState('starting');
    assert.equal(item.text, '$(loading~spin) ide-tracker');
    assert.equal((item as unknown as { visible: boolean }).visible, true);

    session.setState('running');
    session.receive({ state: 'indexing', runs: 10, live: 0, problems: 0, summary: '10 runs' });
    assert.equal(item.text, '$(loading~spin) 10 runs');
    session.receive({ state: 'ready', runs: 1234, live: 2, problems: 3, summary: '1,234 runs · 2 live · 3 problems' });
    assert.equal(item.text, '$(beaker) 1,234 runs · 2 live · 3 problems');
    assert.equal(item.command, 'ideTracker.showRuns');

    session.setState('failed');
    assert.equal(item.text, '$(error) ide-tracker');
    assert.equal(item.command, 'ideTracker.showLog');
    assert.equal(context.subscriptions.length, 3);
  });
});
