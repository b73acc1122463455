import type { MetricNumber } from '../src/protocol';

/** The number a wire double stands for. (The protocol module has the same function, but importing it
 * at run time would pull the language-server protocol library into the webview bundle.) */
export function numberOf(value: MetricNumber): number {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}

/** A metric value as the tables show it: integers with separators, others to 5 significant digits. */
export function formatNumber(value: MetricNumber): string {
  const n = numberOf(value);
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return '∞';
  if (n === Number.NEGATIVE_INFINITY) return '-∞';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return n.toLocaleString('en-US');
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e6) return String(Number.parseFloat(n.toPrecision(5)));
  return n.toExponential(3);
}
