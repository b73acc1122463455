import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NodeElement, RunTreeElement } from '../../features/runTree/runTreeElements';
import { indexedApi } from './support';

function nodes(elements: RunTreeElement[] | null | undefined): NodeElement[] {
  return (elements ?? []).filter((e): e is NodeElement => e.type === 'node');
}

describe('the Runs view', () => {
  it('lists stores from the real server, then experiments, then runs', async () => {
    const api = await indexedApi();
    const top = nodes(await api.runs.getChildren());
    const stores = top.filter((e) => e.node.kind === 'store');
    assert.ok(stores.length > 0, `top level: ${top.map((e) => e.node.kind).join(', ')}`);

    let run: NodeElement | undefined;
    for (const store of stores) {
      for (const child of nodes(await api.runs.getChildren(store))) {
        const candidates = child.node.kind === 'run' ? [child] : nodes(await api.runs.getChildren(child));
        run = candidates.find((e) => e.node.kind === 'run');
        if (run) break;
      }
      if (run) break;
    }
    assert.ok(run, 'a run under some store');

    const item = await api.runs.getTreeItem(run);
    assert.equal(item.contextValue, 'run unstarred');
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.ok(typeof item.label === 'string' && item.label.length > 0 && item.label.length <= 120);
    assert.ok(run.node.status, 'a run node carries its status');

    const resolved = await api.runs.resolveTreeItem!(item, run, new vscode.CancellationTokenSource().token);
    assert.ok(resolved?.tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip from ideTracker/runDetails');
    assert.equal(resolved.tooltip.isTrusted, false);
    assert.equal(resolved.tooltip.supportHtml, false);
    assert.ok(resolved.tooltip.value.length > 0);
  });

  it('can be shown through its focus command', async () => {
    await vscode.commands.executeCommand('ideTracker.runs.focus');
  });
});
