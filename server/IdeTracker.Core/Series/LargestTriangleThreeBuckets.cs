using IdeTracker.Core.Model;

namespace IdeTracker.Core.Series;

/// <summary>Steinarsson's largest-triangle-three-buckets over (step, value): the first and last points are
/// kept; the points between are cut into equal-count buckets, and from each the point that makes the
/// largest triangle with the point kept before it and the average of the next bucket is kept. Peaks and
/// dips make large triangles, so they survive where plain decimation would drop them.</summary>
internal static class LargestTriangleThreeBuckets
{
    /// <summary>Indexes into <paramref name="points"/> of at most <paramref name="budget"/> of the
    /// <paramref name="candidates"/> (indexes of finite points, in step order).</summary>
    public static List<int> Select(MetricPoint[] points, List<int> candidates, int budget)
    {
        if (budget <= 0 || candidates.Count == 0)
        {
            return [];
        }

        if (candidates.Count <= budget)
        {
            return candidates;
        }

        if (budget < 3)
        {
            return budget == 1 ? [candidates[0]] : [candidates[0], candidates[^1]];
        }

        var selected = new List<int>(budget) { candidates[0] };
        var bucketSize = (double)(candidates.Count - 2) / (budget - 2);
        var previous = candidates[0];
        for (var bucket = 0; bucket < budget - 2; bucket++)
        {
            var start = 1 + (int)(bucket * bucketSize);
            var end = 1 + (int)((bucket + 1) * bucketSize);
            var (nextX, nextY) = NextAverage(points, candidates, end, bucketSize);

            var px = (double)points[previous].Step;
            var py = points[previous].Value;
            var bestArea = -1.0;
            var best = candidates[start];
            for (var c = start; c < end; c++)
            {
                var point = points[candidates[c]];
                var area = Math.Abs(((px - nextX) * (point.Value - py)) - ((px - point.Step) * (nextY - py)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = candidates[c];
                }
            }

            selected.Add(best);
            previous = best;
        }

        selected.Add(candidates[^1]);
        return selected;
    }

    /// <summary>The average point of the bucket starting at <paramref name="start"/>; for the last bucket,
    /// the last point itself.</summary>
    private static (double X, double Y) NextAverage(MetricPoint[] points, List<int> candidates, int start, double bucketSize)
    {
        var last = candidates.Count - 1;
        if (start >= last)
        {
            return (points[candidates[last]].Step, points[candidates[last]].Value);
        }

        var end = Math.Min(last, start + Math.Max(1, (int)bucketSize));
        double sumX = 0, sumY = 0;
        for (var c = start; c < end; c++)
        {
            sumX += points[candidates[c]].Step;
            sumY += points[candidates[c]].Value;
        }

        var n = end - start;
        return (sumX / n, sumY / n);
    }
}
