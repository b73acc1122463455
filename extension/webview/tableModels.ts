// What the params, environment and metrics tables draw in each cell, for the virtualised table.
import type { CompareResult, CompareRow } from '../src/protocol';
import { differingCells, type MetricTableRow } from './compareModel';
import { h } from './dom';
import { formatNumber } from './format';
import { runHeader } from './runHeader';
import type { TableModel } from './virtualTable';

/** Params or environment rows: the value per run, highlighted where it differs, "—" where a run has none. */
export function rowsTableModel(result: CompareResult, rows: readonly CompareRow[], selectedColumn: number | undefined): TableModel {
  const flags = new Map<number, boolean[]>();
  return {
    rowCount: rows.length,
    columnCount: result.runs.length,
    ...(selectedColumn !== undefined ? { selectedColumn } : {}),
    rowHeader: (row) => h('span', { text: rows[row]!.key, title: rows[row]!.key }),
    columnHeader: (column) => runHeader(result.runs[column]!, column),
    cell: (row, column) => {
      const value = rows[row]!.values[column] ?? null;
      let differs = flags.get(row);
      if (!differs) flags.set(row, (differs = differingCells(rows[row]!)));
      const classes = [value === null ? 'missing' : '', differs[column] ? 'differs' : ''].filter(Boolean).join(' ');
      return { text: value ?? '—', ...(classes ? { className: classes } : {}), ...(value !== null ? { title: value } : {}) };
    },
  };
}

/** Metric rows: one statistic per run, the best run's cell marked. */
export function metricsTableModel(result: CompareResult, rows: readonly MetricTableRow[], selectedColumn: number | undefined): TableModel {
  return {
    rowCount: rows.length,
    columnCount: result.runs.length,
    ...(selectedColumn !== undefined ? { selectedColumn } : {}),
    rowHeader: (row) => metricKeyCell(rows, row),
    columnHeader: (column) => runHeader(result.runs[column]!, column),
    cell: (row, column) => {
      const line = rows[row]!;
      const value = line.values[column] ?? null;
      if (value === null) return { text: '—', className: 'missing' };
      const best = line.best === column;
      return { text: formatNumber(value), ...(best ? { className: 'best', title: `best ${line.metric.key}` } : {}) };
    },
  };
}

/** A metric row's key cell: the name, the statistic, and on a metric's first row its direction toggle. */
function metricKeyCell(rows: readonly MetricTableRow[], row: number): HTMLElement {
  const line = rows[row]!;
  const first = row === 0 || rows[row - 1]!.metric.key !== line.metric.key;
  const toggle = first
    ? h('button', {
      className: 'direction',
      testId: 'direction-toggle',
      text: line.higher ? '↑' : '↓',
      title: line.higher ? 'Higher is better (click: lower is better)' : 'Lower is better (click: higher is better)',
      attrs: { type: 'button', 'data-action': 'direction', 'data-metric': line.metric.key },
    })
    : h('span', { className: 'direction-spacer' });
  return h('span', { className: 'metric-cell' }, [
    toggle,
    h('span', { className: 'metric-key', text: line.metric.key, title: line.metric.key }),
    h('span', { className: 'muted', text: line.stat }),
  ]);
}
