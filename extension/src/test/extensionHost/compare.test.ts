import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexedApi, waitFor } from './support';

function compareTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('ideTracker.compare'));
}

describe('the compare panel', () => {
  it('opens once for run ids, and opening again reveals the same panel with the new runs', async () => {
    await indexedApi();
    await vscode.commands.executeCommand('ideTracker.compareRunIds', ['a', 'b']);
    await waitFor(() => compareTabs().length === 1, 'a compare panel');
    assert.equal(compareTabs()[0]!.label, 'Compare 2 runs');
    await vscode.commands.executeCommand('ideTracker.compareRunIds', ['a', 'b', 'c']);
    await waitFor(() => compareTabs()[0]?.label === 'Compare 3 runs', 'the panel to show three runs');
    assert.equal(compareTabs().length, 1);
    await vscode.window.tabGroups.close(compareTabs());
    await waitFor(() => compareTabs().length === 0, 'the panel to close');
  });
});
