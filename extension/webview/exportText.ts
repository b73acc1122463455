// The comparison as text: CSV files of the tables and a Markdown table for the clipboard.
import type { CompareResult, CompareRow } from '../src/protocol';
import type { MetricStat } from '../src/features/compare/messages';
import { metricRows } from './compareModel';
import { formatNumber } from './format';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(lines: ReadonlyArray<ReadonlyArray<string>>): string {
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A Markdown table cell: pipes and backslashes escaped, markup characters as entities, one line. */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_`[\]]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ');
}

function markdownTable(lines: ReadonlyArray<ReadonlyArray<string>>): string {
  const [head, ...body] = lines;
  if (!head) return '';
  const row = (cells: ReadonlyArray<string>) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [row(head), `|${head.map(() => ' --- ').join('|')}|`, ...body.map(row)].join('\n') + '\n';
}

function rowLines(result: CompareResult, rows: readonly CompareRow[]): string[][] {
  return [['param', ...result.runs.map((r) => r.name)], ...rows.map((row) => [row.key, ...row.values.map((v) => v ?? '')])];
}

function metricLines(result: CompareResult, stats: readonly MetricStat[], directions: Readonly<Record<string, boolean>>): string[][] {
  return [
    ['metric', 'stat', 'direction', ...result.runs.map((r) => r.name)],
    ...metricRows(result.metrics, stats, directions).map((row) => [
      row.metric.key, row.stat, row.higher ? 'higher is better' : 'lower is better',
      ...row.values.map((v) => (v === null ? '' : formatNumber(v))),
    ]),
  ];
}

export function paramsCsv(result: CompareResult, rows: readonly CompareRow[]): string {
  return toCsv(rowLines(result, rows));
}

export function metricsCsv(result: CompareResult, stats: readonly MetricStat[], directions: Readonly<Record<string, boolean>>): string {
  return toCsv(metricLines(result, stats, directions));
}

/** The params shown and each metric's best value, the best run's value in bold. */
export function comparisonMarkdown(result: CompareResult, rows: readonly CompareRow[], directions: Readonly<Record<string, boolean>>): string {
  const params = markdownTable(rowLines(result, rows));
  const metrics = metricRows(result.metrics, ['best'], directions);
  const head = ['metric', ...result.runs.map((r) => r.name)];
  const body = metrics.map((row) => [`${row.metric.key} ${row.higher ? '↑' : '↓'}`,
    ...row.values.map((v) => (v === null ? '' : formatNumber(v)))]);
  const lines = markdownTable([head, ...body]).split('\n');
  // Bold goes on after escaping, so it is the only markup in the cell.
  const marked = lines.map((line, i) => {
    const row = metrics[i - 2];
    if (!row || row.best === undefined) return line;
    const cells = line.split(/(?<!\\)\|/);
    const at = row.best + 2;
    cells[at] = ` **${cells[at]!.trim()}** `;
    return cells.join('|');
  });
  return `${params}\n${marked.join('\n')}`;
}
