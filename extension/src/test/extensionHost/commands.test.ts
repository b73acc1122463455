import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, indexedApi, waitFor } from './support';

describe('commands', () => {
  it('registers every command the manifest contributes', async () => {
    await indexedApi();
    const contributed = (extension().packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('Refresh has the server index again and the view still lists the runs', async () => {
    const api = await indexedApi();
    const states: string[] = [];
    const listening = api.session.onIndexStatus((status) => states.push(status.state));
    try {
      await vscode.commands.executeCommand('ideTracker.refresh');
      await waitFor(() => states.includes('indexing') && states.at(-1) === 'ready', 'an indexing pass to start and finish after Refresh');
    } finally {
      listening.dispose();
    }
    assert.ok((await api.runs.getChildren())!.length > 0);
  });
});
