import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunTreeNode } from '../../../protocol';
import { contextValueOf, nodeTreeItem, plainLabel } from '../treeItems';
import { experimentNode, runNode, storeNode } from './fakeRunTreeSource';

type Icon = { id: string; color?: { id: string } };

function icon(node: RunTreeNode): Icon {
  return nodeTreeItem(node).iconPath as unknown as Icon;
}

describe('tree items made from server nodes', () => {
  test('a run shows its name, the server description, an id and the run context value', () => {
    const item = nodeTreeItem(runNode('abc', { label: 'learned-dolphin-872', description: 'val_acc 0.934 · 3 days ago' }));
    assert.equal(item.label, 'learned-dolphin-872');
    assert.equal(item.description, 'val_acc 0.934 · 3 days ago');
    assert.equal(item.id, '["run","abc"]');
    assert.equal(item.contextValue, 'run unstarred');
    assert.equal(item.collapsibleState, 0);
    assert.equal(item.tooltip, undefined, 'resolved later from run details');
  });

  test('a starred run shows a star, a run whose files are gone a history icon, a live run spins whatever it is', () => {
    assert.equal(icon(runNode('s', { starred: true })).id, 'star-full');
    assert.equal(icon(runNode('g', { gone: true })).id, 'history');
    assert.equal(icon(runNode('l', { starred: true, live: true, status: 'running' })).id, 'sync~spin');
    assert.match(nodeTreeItem(runNode('s', { starred: true, gone: true })).accessibilityInformation!.label, /starred, files gone/);
  });

  test('menus can tell starred, unstarred and gone runs apart by the context value', () => {
    const starredMenu = /^run\b.*\bstarred\b/;
    const unstarredMenu = /^run\b.*\bunstarred\b/;
    const starred = contextValueOf(runNode('s', { starred: true, gone: true }));
    const plain = contextValueOf(runNode('p'));
    assert.equal(starred, 'run starred gone');
    assert.ok(starredMenu.test(starred) && !unstarredMenu.test(starred));
    assert.ok(unstarredMenu.test(plain) && !starredMenu.test(plain));
    assert.equal(contextValueOf(storeNode('m', 1)), 'store');
  });

  test('each status has its own icon', () => {
    const icons = (['running', 'finished', 'failed', 'killed', 'scheduled', 'unknown'] as const)
      .map((status) => icon(runNode('x', { status })))
      .map((i) => `${i.id}${i.color ? ` ${i.color.id}` : ''}`);
    assert.deepEqual(icons, [
      'sync charts.blue', 'pass testing.iconPassed', 'error testing.iconFailed', 'circle-slash disabledForeground', 'clock', 'circle-outline',
    ]);
  });

  test('a starred run shows a star in its status colour, and a run whose files are gone looks faded', () => {
    const show = (i: Icon) => `${i.id}${i.color ? ` ${i.color.id}` : ''}`;
    assert.equal(show(icon(runNode('x', { status: 'failed', starred: true }))), 'star-full testing.iconFailed');
    assert.equal(show(icon(runNode('x', { status: 'scheduled', starred: true }))), 'star-full charts.yellow');
    assert.equal(show(icon(runNode('x', { status: 'running', starred: true, live: true }))), 'sync~spin charts.blue');
    assert.equal(show(icon(runNode('x', { status: 'finished', gone: true }))), 'history disabledForeground');
    assert.equal(show(icon(runNode('x', { status: 'finished', gone: true, starred: true }))), 'star-empty disabledForeground');
    const item = nodeTreeItem(runNode('x', { status: 'finished', starred: true, gone: true, description: '#baseline · files gone' }));
    assert.equal(item.accessibilityInformation?.label, 'x, finished, starred, files gone, #baseline · files gone');
  });

  test('a live run spins whatever its status says, and says so to a screen reader', () => {
    for (const status of ['running', 'unknown'] as const) {
      const item = nodeTreeItem(runNode('x', { status, live: true, description: 'val_acc 0.5 · 2 minutes ago' }));
      const live = item.iconPath as unknown as Icon;
      assert.equal(`${live.id} ${live.color?.id}`, 'sync~spin charts.blue');
      assert.equal(item.accessibilityInformation?.label, `x, ${status}, live, val_acc 0.5 · 2 minutes ago`);
    }
  });

  test('a run with child runs can be expanded', () => {
    assert.equal(nodeTreeItem(runNode('p', { hasChildren: true, childCount: 8 })).collapsibleState, 1);
  });

  test('stores start expanded, experiments collapsed, each with its own icon and context value', () => {
    const store = nodeTreeItem(storeNode('mlruns', 3));
    assert.equal(store.collapsibleState, 2);
    assert.equal(store.contextValue, 'store');
    assert.equal((store.iconPath as unknown as Icon).id, 'folder-library');
    assert.equal(store.tooltip, '/ws/mlruns');
    assert.equal(icon({ ...storeNode('db', 1), path: '/ws/mlflow.db' }).id, 'database');
    const experiment = nodeTreeItem(experimentNode('exp', 2));
    assert.equal(experiment.collapsibleState, 1);
    assert.equal(experiment.contextValue, 'experiment');
    assert.equal((experiment.iconPath as unknown as Icon).id, 'beaker');
  });

  test('a problem opens its file at its line when clicked', () => {
    const problem: RunTreeNode = {
      id: '["problem",0]', kind: 'problem', label: 'mlruns/0/abc/meta.yaml:3', description: 'not a valid status',
      hasChildren: false, path: '/ws/mlruns/0/abc/meta.yaml', line: 3,
    };
    const item = nodeTreeItem(problem);
    assert.equal(item.label, 'mlruns/0/abc/meta.yaml:3');
    assert.equal(item.description, 'not a valid status');
    assert.deepEqual(item.command, { command: 'ideTracker.openProblem', title: 'Open File at Problem', arguments: [problem] });
    assert.equal(item.contextValue, 'problem');
  });

  test('a name full of markup is shown as the same plain text', () => {
    const name = '<img src=x onerror=alert(1)> **bold** [link](command:evil) $(bug)';
    assert.equal(nodeTreeItem(runNode('x', { label: name })).label, name);
  });

  test('a 10,000-character name is cut to 120 characters ending in an ellipsis', () => {
    const label = nodeTreeItem(runNode('x', { label: 'a'.repeat(10_000) })).label as string;
    assert.equal(label.length, 120);
    assert.ok(label.endsWith('a…'));
  });

  test('a name of exactly 120 characters is kept whole, one of 121 is cut', () => {
    assert.equal(plainLabel('b'.repeat(120)), 'b'.repeat(120));
    assert.equal(plainLabel('b'.repeat(121)), `${'b'.repeat(119)}…`);
  });

  test('cutting never splits a character outside the basic plane', () => {
    const label = plainLabel('😀'.repeat(200), 10);
    assert.equal(Array.from(label).length, 10);
    assert.equal(label, `${'😀'.repeat(9)}…`);
  });

  test('line breaks and control characters in a name become spaces', () => {
    assert.equal(plainLabel('first\nsecond\tthird\u0000'), 'first second third ');
  });

  test('the spoken label says name, status and description', () => {
    assert.equal(nodeTreeItem(runNode('x', { label: 'run-a', status: 'failed' })).accessibilityInformation?.label,
      'run-a, failed, val_acc 0.9 · 3 days ago');
  });
});
