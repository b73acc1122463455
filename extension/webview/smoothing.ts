/** TensorBoard's smoothing: an exponential moving average, debiased so the first points are not pulled
 * towards zero. Values that are not finite pass through and do not move the average. `weight` 0 is none. */
export function smooth(values: readonly number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let accumulated = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    last = last * weight + (1 - weight) * value;
    accumulated++;
    const debias = weight === 1 ? 1 : 1 - Math.pow(weight, accumulated);
    return last / debias;
  });
}
