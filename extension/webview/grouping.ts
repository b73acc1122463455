// Group by a param or tag: runs sharing the value collapse into one curve, the mean with a min–max band.
import type { CompareResult } from '../src/protocol';

export interface GroupChoice {
  /** "param:<key>" or "tag:<key>". */
  readonly value: string;
  readonly label: string;
}

/** What the runs can be grouped by: params whose values repeat, and tag keys ("key=value" tags, or "tags" for the user's own). */
export function groupChoices(result: CompareResult): GroupChoice[] {
  const choices: GroupChoice[] = result.params.map((row) => ({ value: `param:${row.key}`, label: `param ${row.key}` }));
  const tagKeys = new Set<string>();
  let userTags = false;
  for (const run of result.runs) {
    for (const tag of run.tags) {
      const eq = tag.indexOf('=');
      if (eq > 0) tagKeys.add(tag.slice(0, eq));
      else userTags = true;
    }
  }
  if (userTags) choices.push({ value: 'tag:', label: 'user tags' });
  for (const key of [...tagKeys].sort()) choices.push({ value: `tag:${key}`, label: `tag ${key}` });
  return choices;
}

/** The group each run falls in for `groupBy`: the param's value, the tag's value, or the user tags joined. */
export function groupOf(result: CompareResult, runIndex: number, groupBy: string): string {
  const none = '(none)';
  if (groupBy.startsWith('param:')) {
    const row = result.params.find((r) => r.key === groupBy.slice('param:'.length));
    return row?.values[runIndex] ?? none;
  }
  const key = groupBy.slice('tag:'.length);
  const tags = result.runs[runIndex]?.tags ?? [];
  if (key === '') {
    const own = tags.filter((t) => !t.includes('='));
    return own.length > 0 ? own.sort().join(', ') : none;
  }
  const tag = tags.find((t) => t.startsWith(`${key}=`));
  return tag === undefined ? none : tag.slice(key.length + 1);
}

/** How a group is named in the legend: "lr=0.01", "seed=1", or the user tags themselves. */
export function groupName(groupBy: string, value: string): string {
  const key = groupBy.startsWith('param:') ? groupBy.slice('param:'.length) : groupBy.slice('tag:'.length);
  return key === '' || value === '(none)' ? value : `${key}=${value}`;
}

export interface Curve {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface GroupCurve {
  readonly x: number[];
  readonly mean: number[];
  readonly min: number[];
  readonly max: number[];
  /** How many runs gave a value at each x. */
  readonly count: number[];
}

/** The curve's value at `x` by linear interpolation between its neighbouring finite points, or
 * undefined outside its range (a run that stopped early does not drag the mean). */
function valueAt(curve: Curve, x: number): number | undefined {
  const xs = curve.x;
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0 || x < xs[0]! || x > xs[hi]!) return undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!;
  const x1 = xs[hi]!;
  const y0 = curve.y[lo]!;
  const y1 = curve.y[hi]!;
  if (x === x0) return Number.isFinite(y0) ? y0 : undefined;
  if (x === x1) return Number.isFinite(y1) ? y1 : undefined;
  if (!Number.isFinite(y0) || !Number.isFinite(y1)) return undefined;
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** Mean, min and max over the group's curves at every x any of them has (x sorted ascending). Curves'
 * x must be ascending. The runs' points rarely share steps once downsampled, hence the interpolation. */
export function aggregate(curves: readonly Curve[]): GroupCurve {
  const xs = [...new Set(curves.flatMap((c) => c.x))].sort((a, b) => a - b);
  const out: GroupCurve = { x: [], mean: [], min: [], max: [], count: [] };
  for (const x of xs) {
    let sum = 0;
    let n = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const curve of curves) {
      const y = valueAt(curve, x);
      if (y === undefined) continue;
      sum += y;
      n++;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    if (n === 0) continue;
    out.x.push(x);
    out.mean.push(sum / n);
    out.min.push(min);
    out.max.push(max);
    out.count.push(n);
  }
  return out;
}
