import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runIdsOfNodes } from '../commands';

const element = (runId?: string, kind = 'run') => ({ type: 'node', node: { id: `["${kind}","${runId}"]`, kind, label: 'x', hasChildren: false, ...(runId ? { runId } : {}) } });

describe('the runs a compare command is given', () => {
  test('a multi-selection gives every selected run, in selection order', () => {
    assert.deepEqual(runIdsOfNodes(element('b'), [element('a'), element('b'), element('c')]), ['a', 'b', 'c']);
  });

  test('a single right-click gives the clicked run', () => {
    assert.deepEqual(runIdsOfNodes(element('a'), undefined), ['a']);
    assert.deepEqual(runIdsOfNodes(element('a'), []), ['a']);
  });

  test('stores, experiments and problems in the selection are left out, and a run is named once', () => {
    assert.deepEqual(runIdsOfNodes(element('a'), [element(undefined, 'store'), element('a'), element('a'), element(undefined, 'experiment')]), ['a']);
  });

  test('a bare server node counts as well as a tree element', () => {
    assert.deepEqual(runIdsOfNodes({ runId: 'z' }, undefined), ['z']);
    assert.deepEqual(runIdsOfNodes(undefined, undefined), []);
  });
});
