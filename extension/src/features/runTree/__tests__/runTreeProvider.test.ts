import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RunTreeProvider } from '../runTreeProvider';
import type { NodeElement, RunTreeElement } from '../runTreeElements';
import { experimentNode, FakeRunTreeSource, oneExperiment, runNode, storeNode } from './fakeRunTreeSource';

function provider(source: FakeRunTreeSource, errors: string[] = []) {
  const tree = new RunTreeProvider(source, (what, error) => errors.push(`${what}: ${(error as Error).message}`));
  const fired: Array<RunTreeElement | undefined> = [];
  tree.onDidChangeTreeData((element) => fired.push(element));
  return { tree, fired, errors };
}

async function expandToExperiment(tree: RunTreeProvider): Promise<NodeElement> {
  const [store] = await tree.getChildren();
  const [experiment] = await tree.getChildren(store);
  return experiment as NodeElement;
}

function labels(elements: RunTreeElement[]): string[] {
  return elements.map((e) => (e.type === 'node' ? e.node.label : `more ${e.loaded}/${e.total}`));
}

describe('the run tree provider', () => {
  test('walks store → experiment → runs, asking the server for each level once', async () => {
    const source = oneExperiment(3);
    const { tree } = provider(source);
    const experiment = await expandToExperiment(tree);
    assert.deepEqual(labels(await tree.getChildren(experiment)), ['r0', 'r1', 'r2']);
    await tree.getChildren(experiment);
    assert.deepEqual(source.requests, [
      { offset: 0, limit: 500 },
      { nodeId: 'mlruns', offset: 0, limit: 500 },
      { nodeId: 'exp', offset: 0, limit: 500 },
    ]);
  });

  test('shows 500 of 10,000 runs with a "Show more" row, and appends the next 500 on demand', async () => {
    const source = oneExperiment(10_000);
    const { tree, fired } = provider(source);
    const experiment = await expandToExperiment(tree);
    const first = await tree.getChildren(experiment);
    assert.equal(first.length, 501);
    const more = first[500]!;
    assert.deepEqual(more, { type: 'more', parent: experiment, loaded: 500, total: 10_000 });
    const item = tree.getTreeItem(more);
    assert.equal(item.label, 'Show 500 more…');
    assert.equal(item.description, '500 of 10,000 shown');
    assert.equal(item.command?.command, 'ideTracker.showMore');

    await tree.showMore(more as Extract<RunTreeElement, { type: 'more' }>);
    assert.deepEqual(source.requests.at(-1), { nodeId: 'exp', offset: 500, limit: 500 });
    assert.equal(fired.at(-1), experiment);
    const second = await tree.getChildren(experiment);
    assert.equal(second.length, 1001);
    assert.equal((second[999] as NodeElement).node.label, 'r999');
  });

  test('shows no "Show more" row once every child is loaded', async () => {
    const { tree } = provider(oneExperiment(500));
    const experiment = await expandToExperiment(tree);
    assert.equal((await tree.getChildren(experiment)).length, 500);
  });

  test('asks nothing for a run without children', async () => {
    const source = oneExperiment(1);
    const { tree } = provider(source);
    const [run] = await tree.getChildren(await expandToExperiment(tree));
    const before = source.requests.length;
    assert.deepEqual(await tree.getChildren(run), []);
    assert.equal(source.requests.length, before);
  });

  test('gives the parent of every element, for reveal', async () => {
    const { tree } = provider(oneExperiment(2));
    const experiment = await expandToExperiment(tree);
    const [run] = await tree.getChildren(experiment);
    assert.equal(tree.getParent(run!), experiment);
    assert.equal((tree.getParent(experiment) as NodeElement).node.id, 'mlruns');
  });

  test('a changed run that is on screen re-fetches only its parent, and redraws it when it changed', async () => {
    const source = oneExperiment(3);
    const { tree, fired } = provider(source);
    const experiment = await expandToExperiment(tree);
    const runs = await tree.getChildren(experiment);
    source.children.get('exp')![1] = runNode('r1', { status: 'running', description: 'val_acc 0.95 · now' });
    source.requests.length = 0;
    fired.length = 0;

    await tree.runsChanged(['r1'], false);
    assert.deepEqual(source.requests, [{ nodeId: 'exp', offset: 0, limit: 500 }]);
    assert.deepEqual(fired, [experiment]);
    const after = await tree.getChildren(experiment);
    assert.equal(after[1], runs[1], 'the same element object stands for the same run');
    assert.equal(tree.getTreeItem(after[1]!).description, 'val_acc 0.95 · now');
  });

  test('an unchanged page is not redrawn', async () => {
    const { tree, fired } = provider(oneExperiment(3));
    await tree.getChildren(await expandToExperiment(tree));
    fired.length = 0;
    await tree.runsChanged(['r0'], false);
    assert.deepEqual(fired, []);
  });

  test('a new run not on screen re-fetches every page on screen and redraws the ones that changed', async () => {
    const source = oneExperiment(2);
    const { tree, fired } = provider(source);
    const experiment = await expandToExperiment(tree);
    await tree.getChildren(experiment);
    source.children.get('exp')!.push(runNode('r2'));
    source.children.set('mlruns', [experimentNode('exp', 3)]);
    fired.length = 0;

    await tree.runsChanged(['r2'], false);
    assert.deepEqual(fired.map((e) => (e as NodeElement | undefined)?.node.id), ['mlruns', 'exp']);
    assert.deepEqual(labels(await tree.getChildren(experiment)), ['r0', 'r1', 'r2']);
  });

  test('after a full scan, re-fetches as many children as were shown, not just the first page', async () => {
    const source = oneExperiment(1200);
    const { tree } = provider(source);
    const experiment = await expandToExperiment(tree);
    const first = await tree.getChildren(experiment);
    await tree.showMore(first[500] as Extract<RunTreeElement, { type: 'more' }>);
    source.requests.length = 0;

    await tree.runsChanged([], true);
    assert.deepEqual(source.requests.filter((r) => r.nodeId === 'exp'), [{ nodeId: 'exp', offset: 0, limit: 1000 }]);
    assert.equal((await tree.getChildren(experiment)).length, 1001);
  });

  test('a deleted store disappears quietly: its runs vanish, the top level is re-fetched, no error', async () => {
    const source = oneExperiment(2);
    const errors: string[] = [];
    const { tree } = provider(source, errors);
    const experiment = await expandToExperiment(tree);
    await tree.getChildren(experiment);
    source.children.set('', []);
    source.children.set('mlruns', []);
    source.children.set('exp', []);

    await tree.runsChanged(['r0', 'r1'], false);
    assert.deepEqual(await tree.getChildren(), []);
    assert.deepEqual(errors, []);
    source.requests.length = 0;
    await tree.runsChanged([], true);
    assert.deepEqual(source.requests, [{ offset: 0, limit: 500 }], 'pages under the deleted store are forgotten');
  });

  test('a failing request shows an empty level, reports once, and is asked again next time', async () => {
    const source = oneExperiment(1);
    const errors: string[] = [];
    const { tree } = provider(source, errors);
    source.failWith = new Error('server gone');
    assert.deepEqual(await tree.getChildren(), []);
    assert.deepEqual(errors, ['Children of the top level: server gone']);
    source.failWith = undefined;
    assert.deepEqual(labels(await tree.getChildren()), ['mlruns']);
  });

  test('reset forgets every page and redraws from the top', async () => {
    const source = oneExperiment(1);
    const { tree, fired } = provider(source);
    await expandToExperiment(tree);
    tree.reset();
    assert.deepEqual(fired, [undefined]);
    source.requests.length = 0;
    await tree.getChildren();
    assert.equal(source.requests.length, 1);
  });

  test('a store page of two stores and a Problems node keeps the server order', async () => {
    const source = new FakeRunTreeSource();
    source.children.set('', [storeNode('a', 1), storeNode('b', 2), { id: '["problems"]', kind: 'problems', label: 'Problems', description: '3 problems', hasChildren: true, childCount: 3 }]);
    const { tree } = provider(source);
    assert.deepEqual(labels(await tree.getChildren()), ['a', 'b', 'Problems']);
  });

  test('a run tooltip is resolved from the run details as untrusted Markdown', async () => {
    const { tree } = provider(oneExperiment(1));
    const [run] = await tree.getChildren(await expandToExperiment(tree));
    const item = tree.getTreeItem(run!);
    assert.equal(item.tooltip, undefined);
    const resolved = await tree.resolveTreeItem(item, run!, { isCancellationRequested: false } as never);
    const tooltip = resolved.tooltip as { value: string; isTrusted: boolean; supportHtml: boolean };
    assert.equal(tooltip.value, '**r0** · finished');
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
  });
});

describe('the run tree provider with a filter or a grouping', () => {
  test('sends the filter and the lineage grouping with every request, and fetches anew when they change', async () => {
    const source = oneExperiment(3);
    const { tree, fired } = provider(source);
    await expandToExperiment(tree);
    tree.setOptions({ filter: 'lr < 0.01', grouping: 'lineage' });
    assert.equal(fired.at(-1), undefined, 'the whole tree is redrawn');
    const experiment = await expandToExperiment(tree);
    await tree.getChildren(experiment);
    assert.deepEqual(source.requests.slice(-3), [
      { offset: 0, limit: 500, filter: 'lr < 0.01', grouping: 'lineage' },
      { nodeId: 'mlruns', offset: 0, limit: 500, filter: 'lr < 0.01', grouping: 'lineage' },
      { nodeId: 'exp', offset: 0, limit: 500, filter: 'lr < 0.01', grouping: 'lineage' },
    ]);
    const before = source.requests.length;
    tree.setOptions({ filter: 'lr < 0.01', grouping: 'lineage' });
    await tree.getChildren();
    assert.equal(source.requests.length, before, 'the same options again keep the pages already loaded');
  });

  test('locates a run on a later page under its store and experiment, loading pages as needed', async () => {
    const source = oneExperiment(1_200);
    const { tree } = provider(source);
    const found = await tree.locate({ runId: 'r1100', path: '/ws/mlruns/1/r1100', experiment: 'exp' });
    assert.equal(found?.node.runId, 'r1100');
    assert.equal(found?.parent?.node.id, 'exp');
    assert.equal(await tree.locate({ runId: 'nope', path: '/ws/mlruns/1/nope', experiment: 'exp' }, 5), undefined);
    assert.equal(await provider(oneExperiment(3)).tree.locate({ runId: 'r1', path: '/elsewhere/r1', experiment: 'exp' }), undefined, 'no store holds that folder');
  });

  test('locates a child run under its parent', async () => {
    const source = oneExperiment(2);
    source.children.set('exp', [runNode('p', { hasChildren: true, childCount: 1 }), runNode('q')]);
    source.children.set('["run","p"]', [runNode('c')]);
    const { tree } = provider(source);
    const found = await tree.locate({ runId: 'c', path: '/ws/mlruns/1/c', experiment: 'exp', ancestors: ['p'] });
    assert.equal(found?.parent?.node.runId, 'p');
  });
});

describe('the run tree provider grouped by lineage', () => {
  test('locates a run any depth below its experiment, opening rows breadth first', async () => {
    const source = oneExperiment(2);
    source.children.set('exp', [runNode('root', { hasChildren: true, childCount: 1 }), runNode('other')]);
    source.children.set('["run","root"]', [runNode('tweak', { hasChildren: true, childCount: 1 })]);
    source.children.set('["run","tweak"]', [runNode('target')]);
    const { tree } = provider(source);
    tree.setOptions({ grouping: 'lineage' });
    const found = await tree.locate({ runId: 'target', path: '/ws/mlruns/1/target', experiment: 'exp' });
    assert.equal(found?.parent?.node.runId, 'tweak');
    assert.equal(found?.parent?.parent?.node.runId, 'root');
    assert.equal(await tree.locate({ runId: 'target', path: '/ws/mlruns/1/target', experiment: 'exp' }, 1), found,
      'once loaded, the row is known without opening anything');
    const bounded = provider(source).tree;
    bounded.setOptions({ grouping: 'lineage' });
    assert.equal(await bounded.locate({ runId: 'target', path: '/ws/mlruns/1/target', experiment: 'exp' }, 2), undefined,
      'two rows opened (the experiment and root) do not reach a run two levels further down');
  });
});
