import { change, click, settle } from './dom';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompareResult } from '../../src/protocol';
import { chartRunLimit } from '../../src/features/compare/messages';
import { CompareApp } from '../app';
import { paramsCsv } from '../exportText';
import { FakeHost, FakeSurface, generated, goldenCompare, goldenSeries } from './fixtures';

function open(result: CompareResult, saved?: unknown) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const host = new FakeHost(saved);
  const surfaces: FakeSurface[] = [];
  const app = new CompareApp(root, host, () => {
    const surface = new FakeSurface();
    surfaces.push(surface);
    return surface;
  });
  app.start();
  app.receive({ type: 'compare', runIds: result.runs.map((r) => r.id), result, reason: 'opened' });
  const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
  const rowKeys = (table: string) => [...byTestId(table).querySelectorAll('.vt-key')].map((k) => k.textContent);
  return { root, host, app, surfaces, byTestId, rowKeys, surface: () => surfaces[0]! };
}

describe('the compare panel page', () => {
  test('says ready before anything else, and shows nothing but a wait until the comparison comes', () => {
    const root = document.createElement('div');
    const host = new FakeHost();
    const app = new CompareApp(root, host, () => new FakeSurface());
    assert.deepEqual(host.sent, []);
    app.start();
    assert.deepEqual(host.sent, [{ type: 'ready' }]);
    assert.equal(root.querySelector('[role="status"]')?.textContent, 'Waiting for runs…');
    app.dispose();
  });

  test('a run named like markup shows as that text and creates no element', () => {
    const { root, byTestId } = open(goldenCompare);
    assert.equal(root.querySelectorAll('img, script').length, 0);
    const name = byTestId('params-table').querySelector('.run-name')!;
    assert.equal(name.textContent, '<img src=x onerror=alert(1)>');
    assert.match(root.textContent ?? '', /1 run not in the index: 9a8b7c6d5e4f3a2b/);
  });

  test('only differences is on by default; turning it off shows the rows that are the same, and is remembered', () => {
    const { host, byTestId, rowKeys } = open(generated({ runs: 3, params: 3 }));
    const toggle = byTestId('only-differences') as HTMLInputElement;
    assert.equal(toggle.checked, true);
    assert.deepEqual(rowKeys('params-table'), ['p1', 'p2']);
    assert.deepEqual(rowKeys('environment-table'), ['package.torch']);
    toggle.checked = false;
    change(toggle);
    assert.deepEqual(rowKeys('params-table'), ['p0', 'p1', 'p2']);
    assert.deepEqual(rowKeys('environment-table'), ['git.commit', 'package.torch']);
    assert.equal(host.saved?.onlyDifferences, false);
  });

  test('differing values are highlighted against the value most runs share', () => {
    const { byTestId } = open(generated({ runs: 4, params: 2 }));
    const differing = [...byTestId('params-table').querySelectorAll('.vt-cell.differs')].map((c) => c.getAttribute('data-col'));
    assert.deepEqual(differing, ['1', '2'], 'runs 0 and 3 share p1 = 1');
  });

  test('the best run of each metric is marked, and the ↑/↓ toggle switches the direction and the best run', () => {
    const { host, byTestId } = open(generated({ runs: 4, metrics: 2 }));
    const table = byTestId('metrics-table');
    const bestOf = (row: number) => [...table.querySelectorAll(`.vt-cell.best[data-row="${row}"]`)].map((c) => c.getAttribute('data-col'));
    assert.deepEqual(bestOf(0), ['3'], 'm0 is a loss: the last run is lowest');
    assert.deepEqual(bestOf(2), ['0'], 'm1 goes up: the first run is highest');
    const toggle = table.querySelector('[data-testid="direction-toggle"][data-metric="m0"]') as HTMLElement;
    assert.equal(toggle.textContent, '↓');
    click(toggle);
    assert.deepEqual(bestOf(0), ['0']);
    assert.equal((table.querySelector('[data-testid="direction-toggle"][data-metric="m0"]') as HTMLElement).textContent, '↑');
    assert.deepEqual(host.saved?.directions, { m0: true });
    assert.equal(table.querySelectorAll('[data-testid="direction-toggle"]').length, 2, 'one toggle per metric, not per statistic');
  });

  test('a star in a column header asks the host to star the run, and shows the answer', () => {
    const { host, app, byTestId } = open(generated({ runs: 2 }));
    const star = () => byTestId('params-table').querySelector('[data-testid="star-button"][data-run-id="r1"]') as HTMLElement;
    assert.equal(star().textContent, '☆');
    click(star());
    assert.deepEqual(host.ofType('setStar'), [{ type: 'setStar', runId: 'r1', starred: true }]);
    app.receive({ type: 'annotation', annotation: { runId: 'r1', starred: true, tags: [] } });
    assert.equal(star().textContent, '★');
    assert.equal(star().getAttribute('aria-pressed'), 'true');
  });

  test('the tag and note buttons of a column header ask the host to edit that run\'s tags or note', () => {
    const { host, byTestId } = open(generated({ runs: 2 }));
    const button = (id: string) => byTestId('params-table').querySelector(`[data-testid="${id}"][data-run-id="r1"]`) as HTMLElement;
    click(button('tags-button'));
    click(button('note-button'));
    assert.deepEqual(host.ofType('editAnnotation'), [
      { type: 'editAnnotation', runId: 'r1', field: 'tags' },
      { type: 'editAnnotation', runId: 'r1', field: 'note' },
    ]);
  });

  test('clicking a run\'s name selects its column and asks the host to reveal it; the selection is remembered', () => {
    const { host, byTestId } = open(generated({ runs: 3 }));
    click(byTestId('params-table').querySelector('.run-name[data-col="2"]')!);
    assert.deepEqual(host.ofType('revealRun'), [{ type: 'revealRun', runId: 'r2' }]);
    const selected = [...byTestId('metrics-table').querySelectorAll('.vt-cell.selected')].map((c) => c.getAttribute('data-col'));
    assert.ok(selected.length > 0 && selected.every((c) => c === '2'));
    assert.equal(host.saved?.selectedRunId, 'r2');
  });

  test('500 runs: tables draw a bounded number of cells, curves ask for the first 20 runs only and say so', () => {
    const { host, app, byTestId, surface } = open(generated({ runs: 500, params: 40, metrics: 5 }));
    assert.ok(byTestId('params-table').querySelectorAll('.vt-cell').length < 500, 'far fewer cells than 39 rows × 500 runs');
    assert.ok(byTestId('metrics-table').querySelectorAll('.vt-cell').length < 500);
    const [request] = host.ofType('requestSeries');
    assert.equal(request!.runIds.length, chartRunLimit);
    assert.deepEqual(request!.keys, ['m0'], 'the main metric first');
    assert.match(byTestId('chart-notice').textContent ?? '', /first 20 of 500 runs/);
    app.receive({ type: 'series', requestId: request!.requestId, result: { series: request!.runIds.map((runId) => ({ runId, key: 'm0', steps: [0, 1], wallTimes: [0, 1000], values: [1, 0.5], total: 2 })) } });
    assert.equal((surface().last.series as unknown[]).length, chartRunLimit);
    assert.doesNotMatch(byTestId('chart-notice').textContent ?? '', /Loading/);
  });

  test('a series answer to an older request is ignored; curves are asked for again only when the runs may have changed', () => {
    const { host, app, surface } = open(generated({ runs: 2 }));
    const before = surface().options.length;
    app.receive({ type: 'series', requestId: 999, result: { series: [] } });
    assert.equal(surface().options.length, before);
    const [first] = host.ofType('requestSeries');
    app.receive({ type: 'series', requestId: first!.requestId, result: { series: [] } });
    app.receive({ type: 'compare', runIds: ['r0', 'r1'], result: generated({ runs: 2 }), reason: 'metricKeys' });
    assert.equal(host.ofType('requestSeries').length, 1, 'new metric rows leave the curves as they are');
    app.receive({ type: 'compare', runIds: ['r0', 'r1'], result: generated({ runs: 2 }), reason: 'runsChanged' });
    assert.equal(host.ofType('requestSeries').length, 2, 'a run that changed may have new points');
    const drawn = surface().options.length;
    app.receive({ type: 'series', requestId: first!.requestId, result: { series: [] } });
    assert.equal(surface().options.length, drawn, 'a late answer to the first request is not taken for the new one');
  });

  test('a run selected in the chart far to the right scrolls its column into view', () => {
    const { byTestId, surface } = open(generated({ runs: 300 }));
    surface().click('r250');
    const table = byTestId('params-table');
    assert.ok(table.scrollLeft > 0);
    const columns = [...table.querySelectorAll('.vt-cell.selected')].map((c) => c.getAttribute('data-col'));
    assert.ok(columns.length > 0 && columns.every((c) => c === '250'), 'the selected column is drawn');
  });

  test('clicking a point selects its run; switching the chart kind is remembered', () => {
    const { host, byTestId, surface } = open(generated({ runs: 3, params: 3 }));
    surface().click('r1');
    assert.deepEqual(host.ofType('revealRun').map((m) => m.runId), ['r1']);
    surface().click('not-a-run');
    assert.equal(host.ofType('revealRun').length, 1);
    for (const [kind, type] of [['scatter', 'scatter'], ['parallel', 'parallel'], ['bar', 'bar']] as const) {
      const kindSelect = byTestId('chart-kind') as HTMLSelectElement;
      kindSelect.value = kind;
      change(kindSelect);
      assert.equal((surface().last.series as Array<{ type: string }>)[0]!.type, type);
      assert.equal(host.saved?.chart.kind, kind);
      if (kind !== 'bar') assert.ok(byTestId('param-picker'), `the ${kind} chart has its param picker`);
    }
  });

  test('scatter against a chosen param', () => {
    const { host, byTestId, surface } = open(generated({ runs: 3, params: 3 }), { chart: { kind: 'scatter' } });
    const param = byTestId('param-picker') as HTMLSelectElement;
    assert.equal(param.value, 'p1', 'the first param that differs');
    param.value = 'p2';
    change(param);
    assert.equal((surface().last.xAxis as { name: string }).name, 'p2');
    assert.equal(host.saved?.chart.param, 'p2');
  });

  test('grouping by a tag draws a mean line and band per group', () => {
    const { host, app, byTestId, surface } = open(generated({ runs: 4 }));
    const group = byTestId('group-by') as HTMLSelectElement;
    group.value = 'tag:seed';
    change(group);
    const [request] = host.ofType('requestSeries');
    app.receive({ type: 'series', requestId: request!.requestId, result: { series: request!.runIds.map((runId, i) => ({ runId, key: 'm0', steps: [0], wallTimes: [0], values: [i], total: 1 })) } });
    const names = (surface().last.series as Array<{ name: string }>).map((s) => s.name);
    assert.deepEqual([...new Set(names)], ['seed=2 (2 runs)', 'seed=1 (2 runs)']);
    assert.equal(host.saved?.chart.groupBy, 'tag:seed');
  });

  test('the metric picker asks for the chosen metrics\' rows', () => {
    const { host, byTestId } = open(generated({ runs: 2, metrics: 2, metricKeys: 5000 }));
    const picker = byTestId('metric-picker');
    assert.equal(picker.querySelectorAll('input[type="checkbox"]').length, 100);
    const box = picker.querySelector('input[data-key="m4999"]') as HTMLInputElement | null;
    assert.equal(box, null, 'not rendered until searched for');
    const search = byTestId('metric-picker-search') as HTMLInputElement;
    search.value = 'm4999';
    search.dispatchEvent(new Event('input'));
    const found = picker.querySelector('input[data-key="m4999"]') as HTMLInputElement;
    found.checked = true;
    change(found);
    assert.deepEqual(host.ofType('requestCompare'), [{ type: 'requestCompare', metricKeys: ['m0', 'm1', 'm4999'] }]);
    assert.deepEqual(host.saved?.metricKeys, ['m0', 'm1', 'm4999']);
  });

  test('a reloaded page asks again for the metric rows it had picked; a new comparison starts from the default rows', () => {
    const result = generated({ runs: 2, metrics: 2, metricKeys: 10 });
    const saved = { runIds: ['r0', 'r1'], metricKeys: ['m0', 'm7'] };
    const { host, app } = open(result, saved);
    assert.deepEqual(host.ofType('requestCompare'), [{ type: 'requestCompare', metricKeys: ['m0', 'm7'] }]);
    app.receive({ type: 'compare', runIds: ['r0', 'r1'], result: { ...result, metrics: [result.metrics[0]!, { ...result.metrics[1]!, key: 'm7' }] }, reason: 'metricKeys' });
    assert.equal(host.ofType('requestCompare').length, 1, 'the picked rows came: nothing more to ask');
    app.receive({ type: 'compare', runIds: ['r5'], result: generated({ runs: 1 }), reason: 'opened' });
    assert.equal(host.saved?.metricKeys, undefined);
    assert.equal(host.ofType('requestCompare').length, 1);
  });

  test('exports: the params CSV as shown, the metrics CSV, the chart PNG, and Markdown for the clipboard', () => {
    const result = generated({ runs: 2, params: 3 });
    const { host, byTestId } = open(result);
    click(byTestId('export-params-csv'));
    click(byTestId('export-metrics-csv'));
    click(byTestId('export-chart-png'));
    click(byTestId('copy-markdown'));
    const saved = host.ofType('saveText');
    assert.deepEqual(saved.map((m) => m.suggestedName), ['params.csv', 'metrics.csv']);
    assert.equal(saved[0]!.text, paramsCsv(result, result.params.filter((p) => p.differs)));
    assert.match(saved[1]!.text, /^metric,stat,direction,run-0,run-1\r\n/);
    assert.deepEqual(host.ofType('savePng'), [{ type: 'savePng', suggestedName: 'curves.png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }]);
    assert.match(host.ofType('copyText')[0]!.text, /^\| param \| run-0 \| run-1 \|/);
  });

  test('a reloaded page comes back as it was left', () => {
    const first = open(generated({ runs: 3, params: 3 }));
    const only = first.byTestId('only-differences') as HTMLInputElement;
    only.checked = false;
    change(only);
    const kind = first.byTestId('chart-kind') as HTMLSelectElement;
    kind.value = 'bar';
    change(kind);
    click(first.byTestId('metrics-table').querySelector('[data-testid="direction-toggle"][data-metric="m1"]')!);
    const saved = first.host.saved;
    assert.deepEqual(saved?.runIds, ['r0', 'r1', 'r2']);

    const again = open(generated({ runs: 3, params: 3 }), saved);
    assert.equal((again.byTestId('only-differences') as HTMLInputElement).checked, false);
    assert.deepEqual(again.rowKeys('params-table'), ['p0', 'p1', 'p2']);
    assert.equal((again.byTestId('chart-kind') as HTMLSelectElement).value, 'bar');
    assert.equal((again.surface().last.series as Array<{ type: string }>)[0]!.type, 'bar');
    assert.equal(again.byTestId('metrics-table').querySelector('[data-metric="m1"]')?.textContent, '↓');
  });

  test('chart colours are read again when VS Code switches theme', async () => {
    const { surface } = open(generated({ runs: 2 }), { chart: { kind: 'bar' } });
    document.body.style.setProperty('--vscode-charts-blue', '#123456');
    const before = surface().options.length;
    document.body.className = 'vscode-light';
    await settle();
    assert.equal(surface().options.length, before + 1);
    assert.equal((surface().last.color as string[])[0], '#123456');
  });

  test('an error from the host is shown and the page keeps working', () => {
    const { app, root, byTestId, rowKeys } = open(generated({ runs: 2, params: 2 }));
    app.receive({ type: 'error', message: 'The server is not running.' });
    assert.equal(root.querySelector('[role="status"]')?.textContent, 'The server is not running.');
    const toggle = byTestId('only-differences') as HTMLInputElement;
    toggle.checked = false;
    change(toggle);
    assert.deepEqual(rowKeys('params-table'), ['p0', 'p1']);
  });

  test('curves of a metric no run logged as a series say so', () => {
    const { host, app, byTestId } = open(generated({ runs: 2 }));
    const [request] = host.ofType('requestSeries');
    assert.match(byTestId('chart-notice').textContent ?? '', /Loading curves/);
    app.receive({ type: 'series', requestId: request!.requestId, result: { series: [] } });
    assert.equal(byTestId('chart-notice').textContent, 'None of these runs logged m0 as a series.');
  });

  test('the parallel chart\'s param list stays open while params are ticked', () => {
    const { host, byTestId } = open(generated({ runs: 3, params: 4 }), { chart: { kind: 'parallel' } });
    const list = () => byTestId('param-picker').parentElement as HTMLDetailsElement;
    list().open = true;
    list().dispatchEvent(new Event('toggle'));
    const box = byTestId('param-p0') as HTMLInputElement;
    box.checked = true;
    change(box);
    assert.equal(list().open, true);
    assert.deepEqual(host.saved?.chart.parallelParams, ['p1', 'p2', 'p3', 'p0']);
  });

  test('the golden series draws as one curve with its NaN as a gap', () => {
    const { host, app, surface } = open(goldenCompare, { chart: { kind: 'curves', metric: 'val_loss' } });
    const [request] = host.ofType('requestSeries');
    app.receive({ type: 'series', requestId: request!.requestId, result: { series: goldenSeries.map((s) => ({ ...s, key: 'val_loss' })) } });
    const line = (surface().last.series as Array<{ data: Array<{ value: unknown[] }> }>)[0]!;
    assert.deepEqual(line.data.map((d) => d.value), [[0, 2.5], [50, null], [99, 0.25]]);
  });
});
