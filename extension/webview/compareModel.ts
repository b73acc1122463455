// What the tables show, worked out from a CompareResult and the view state, apart from any DOM.
import type { CompareMetric, CompareMetricCell, CompareRow } from '../src/protocol';
import type { MetricStat } from '../src/features/compare/messages';
import { numberOf } from './format';

/** The rows to show: with "only differences", those whose values are not all the same. */
export function visibleRows(rows: readonly CompareRow[], onlyDifferences: boolean): CompareRow[] {
  return onlyDifferences ? rows.filter((row) => row.differs) : [...rows];
}

/** For each value of a row, whether it differs from the value most runs share (ties: the first seen). */
export function differingCells(row: CompareRow): boolean[] {
  if (!row.differs) return row.values.map(() => false);
  const counts = new Map<string | null, number>();
  let common: string | null = row.values[0] ?? null;
  for (const value of row.values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > (counts.get(common) ?? 0)) common = value;
  }
  return row.values.map((value) => value !== common);
}

/** Higher is better: the user's override, else the server's guess from the name. */
export function higherIsBetter(metric: CompareMetric, overrides: Readonly<Record<string, boolean>>): boolean {
  return overrides[metric.key] ?? metric.higherIsBetter;
}

export function statValue(cell: CompareMetricCell, stat: MetricStat, higher: boolean): number {
  switch (stat) {
    case 'last': return numberOf(cell.last);
    case 'min': return numberOf(cell.min);
    case 'max': return numberOf(cell.max);
    case 'best': return numberOf(higher ? cell.max : cell.min);
  }
}

/** The run with the best finite value in this direction; undefined when none has one. Ties: the first run. */
export function bestIndex(metric: CompareMetric, higher: boolean): number | undefined {
  let best: number | undefined;
  let bestValue = 0;
  metric.values.forEach((cell, i) => {
    if (!cell) return;
    const value = statValue(cell, 'best', higher);
    if (!Number.isFinite(value)) return;
    if (best === undefined || (higher ? value > bestValue : value < bestValue)) {
      best = i;
      bestValue = value;
    }
  });
  return best;
}

export interface MetricTableRow {
  readonly metric: CompareMetric;
  readonly stat: MetricStat;
  readonly higher: boolean;
  /** The index of the run marked best in this row (the same for every stat of a metric). */
  readonly best: number | undefined;
  readonly values: Array<number | null>;
}

/** One row per metric and chosen statistic, in the server's metric order. */
export function metricRows(metrics: readonly CompareMetric[], stats: readonly MetricStat[], overrides: Readonly<Record<string, boolean>>): MetricTableRow[] {
  const order: MetricStat[] = (['best', 'last', 'min', 'max'] as const).filter((s) => stats.includes(s));
  return metrics.flatMap((metric) => {
    const higher = higherIsBetter(metric, overrides);
    const best = bestIndex(metric, higher);
    return order.map((stat) => ({
      metric, stat, higher, best,
      values: metric.values.map((cell) => (cell ? statValue(cell, stat, higher) : null)),
    }));
  });
}
