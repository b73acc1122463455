import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompareResult } from '../../src/protocol';
import { comparisonMarkdown, csvField, markdownCell, metricsCsv, paramsCsv } from '../exportText';
import { visibleRows } from '../compareModel';
import { goldenCompare } from './fixtures';

const twoRuns: CompareResult = {
  runs: [
    { id: 'a', name: 'base, "v1"', source: 'mlflow', status: 'finished', starred: false, tags: [] },
    { id: 'b', name: 'x|<b>y</b>', source: 'mlflow', status: 'finished', starred: false, tags: [] },
  ],
  params: [{ key: 'lr', values: ['0.1', null], differs: true }, { key: 'note', values: ['two\nlines', 'ok'], differs: true }],
  metrics: [{ key: 'val_loss', higherIsBetter: false, values: [{ last: 0.3, min: 0.25, max: 1, best: 0.25, count: 3, lastStep: 2 }, { last: 0.2, min: 0.2, max: 2, best: 0.2, count: 3, lastStep: 2 }], bestIndex: 1 }],
  environment: [],
  metricKeys: [{ key: 'val_loss', runs: 2 }],
  missing: [],
};

describe('CSV export', () => {
  test('quotes fields with commas, quotes, line breaks or edge spaces, and doubles quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(' padded'), '" padded"');
  });

  test('the params table: a header of run names, one line per shown param, empty for a missing value', () => {
    assert.equal(paramsCsv(twoRuns, twoRuns.params),
      'param,"base, ""v1""",x|<b>y</b>\r\nlr,0.1,\r\nnote,"two\nlines",ok\r\n');
  });

  test('the metrics table: one line per metric and statistic with its direction', () => {
    assert.equal(metricsCsv(twoRuns, ['best', 'last'], {}),
      'metric,stat,direction,"base, ""v1""",x|<b>y</b>\r\nval_loss,best,lower is better,0.25,0.2\r\nval_loss,last,lower is better,0.3,0.2\r\n');
    assert.match(metricsCsv(twoRuns, ['best'], { val_loss: true }), /val_loss,best,higher is better,1,2/);
  });
});

describe('Markdown export', () => {
  test('escapes pipes, markup and line breaks in cells', () => {
    assert.equal(markdownCell('x|<b>y</b>'), 'x\\|&lt;b&gt;y&lt;/b&gt;');
    assert.equal(markdownCell('a\nb'), 'a b');
    assert.equal(markdownCell('**bold** [l](u)'), '\\*\\*bold\\*\\* \\[l\\](u)');
  });

  test('a params table and a best-value table with the best run in bold', () => {
    assert.equal(comparisonMarkdown(twoRuns, twoRuns.params, {}), [
      '| param | base, "v1" | x\\|&lt;b&gt;y&lt;/b&gt; |',
      '| --- | --- | --- |',
      '| lr | 0.1 |  |',
      '| note | two lines | ok |',
      '',
      '| metric | base, "v1" | x\\|&lt;b&gt;y&lt;/b&gt; |',
      '| --- | --- | --- |',
      '| val\\_loss ↓ | 0.25 | **0.2** |',
      '',
    ].join('\n'));
  });

  test('switching the direction moves the bold to the other run', () => {
    assert.match(comparisonMarkdown(twoRuns, [], { val_loss: true }), /\| val\\_loss ↑ \| 1 \| \*\*2\*\* \|/);
    assert.match(comparisonMarkdown(twoRuns, [], { val_loss: false }), /\| val\\_loss ↓ \| 0.25 \| \*\*0.2\*\* \|/);
  });

  test('the golden sample\'s script-like run name stays inert text', () => {
    const text = comparisonMarkdown(goldenCompare, visibleRows(goldenCompare.params, true), {});
    assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!text.includes('<img'));
  });
});
