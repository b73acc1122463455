// The C# contract tests (tests/IdeTracker.Server.Tests/Contract) write what the server sends into
// ../__golden__; here each file is parsed and held against the TypeScript protocol, so a field renamed,
// added or retyped on either side fails a test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  toNumber, wireShapes, type IndexStatusParams, type RunDetailsResult, type RunsChangedParams, type RunTreeResult,
} from '..';
import { problemsOf } from '../shapes';

const goldenFolder = join(process.cwd(), 'src', 'protocol', '__golden__');

function golden(name: string): unknown {
  return JSON.parse(readFileSync(join(goldenFolder, `${name}.json`), 'utf8'));
}

describe('golden protocol samples written by the C# server', () => {
  test('every golden file has a TypeScript shape of the same name', () => {
    const files = readdirSync(goldenFolder).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual(files, Object.keys(wireShapes).sort());
  });

  for (const name of Object.keys(wireShapes) as Array<keyof typeof wireShapes>) {
    test(`${name}.json has every field the TypeScript protocol declares, and no other`, () => {
      assert.deepEqual(problemsOf(wireShapes[name], golden(name), { requireOptional: true }), []);
    });
  }

  test('a NaN main metric arrives as the string "NaN" and reads as NaN', () => {
    const page = golden('runTreeResult') as RunTreeResult;
    const metric = page.nodes[0]!.mainMetric!;
    assert.equal(metric.value, 'NaN');
    assert.ok(Number.isNaN(toNumber(metric.value)));
    assert.equal(metric.label, 'val_acc NaN');
  });

  test('infinite metric summaries read as infinities', () => {
    const details = golden('runDetailsResult') as RunDetailsResult;
    assert.equal(toNumber(details.metrics.val_acc!.max), Number.POSITIVE_INFINITY);
    assert.equal(toNumber(details.metrics.loss!.min), Number.NEGATIVE_INFINITY);
    assert.equal(toNumber(details.metrics.loss!.last), 0.25);
  });

  test('markup in a run name arrives as the same characters, only JSON-escaped', () => {
    const page = golden('runTreeResult') as RunTreeResult;
    assert.equal(page.nodes[0]!.label, 'resnet50 <b>lr=0.1</b> *baseline*');
  });

  test('the status and change notifications carry what the status bar and the tree use', () => {
    const status = golden('indexStatusParams') as IndexStatusParams;
    assert.equal(status.summary, '1,234 runs · 2 live · 3 problems');
    const changed = golden('runsChangedParams') as RunsChangedParams;
    assert.equal(changed.all, false);
    assert.equal(changed.runIds.length, 2);
  });
});

describe('the shape checks themselves', () => {
  const node = {
    id: 'x', kind: 'run', label: 'a', hasChildren: false,
  };

  test('accept a node with only its required fields', () => {
    assert.deepEqual(problemsOf(wireShapes.runTreeResult, { nodes: [node], total: 1, offset: 0 }), []);
  });

  test('name a field the server added that TypeScript does not know', () => {
    const problems = problemsOf(wireShapes.runTreeResult, { nodes: [{ ...node, colour: 'red' }], total: 1, offset: 0 });
    assert.deepEqual(problems, ['$.nodes[0].colour: not in the TypeScript protocol']);
  });

  test('name a required field that is missing and a field of the wrong type', () => {
    const problems = problemsOf(wireShapes.indexStatusParams, { state: 'busy', runs: '3', live: 0, problems: 0 });
    assert.deepEqual(problems, [
      '$.state: expected one of indexing, ready, found the string "busy"',
      '$.runs: expected an integer, found the string "3"',
      '$.summary: missing',
    ]);
  });

  test('refuse a metric value that is neither a number nor a named non-finite value', () => {
    const problems = problemsOf(wireShapes.runTreeResult, {
      nodes: [{ ...node, mainMetric: { key: 'k', value: 'nan', higherIsBetter: true, label: 'k nan' } }], total: 1, offset: 0,
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^\$\.nodes\[0\]\.mainMetric\.value: expected a number or "NaN"/);
  });

  test('accept null run details (a run that is gone)', () => {
    assert.deepEqual(problemsOf(wireShapes.runDetailsResult, null), []);
  });
});
