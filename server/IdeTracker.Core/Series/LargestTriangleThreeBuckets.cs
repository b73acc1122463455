using IdeTracker.Core.Model;

namespace IdeTracker.Core.Series;

/// <summary>Steinarsson's largest-triangle-three-buckets over (step, value): the first and last points are
/// kept; the points between are cut into equal-count buckets, and from each the point that makes the
/// largest triangle with the point kept before it and the average of the next bucket is kept. Peaks and
/// dips make large triangles, so they survive where plain decimation would drop them.</summary>
internal static class LargestTriangleThreeBuckets
{
    /// <summary>Adds to <paramref name="selected"/> at most <paramref name="budget"/> of the
    /// <paramref name="points"/> (all finite, in step order) as their index, or as <paramref name="map"/>[index].</summary>
    public static void Select(ReadOnlySpan<MetricPoint> points, int budget, HashSet<int> selected, int[]? map)
    {
        if (budget <= 0 || points.IsEmpty)
        {
            return;
        }

        if (points.Length <= budget)
        {
            for (var i = 0; i < points.Length; i++)
            {
                selected.Add(map is null ? i : map[i]);
            }

            return;
        }

        selected.Add(map is null ? 0 : map[0]);
        if (budget >= 2)
        {
            selected.Add(map is null ? points.Length - 1 : map[points.Length - 1]);
        }

        if (budget < 3)
        {
            return;
        }

        var bucketSize = (double)(points.Length - 2) / (budget - 2);
        var previous = 0;
        for (var bucket = 0; bucket < budget - 2; bucket++)
        {
            var start = 1 + (int)(bucket * bucketSize);
            var end = 1 + (int)((bucket + 1) * bucketSize);
            var (nextX, nextY) = NextAverage(points, end, bucketSize);

            var px = (double)points[previous].Step;
            var py = points[previous].Value;
            var bestArea = -1.0;
            var best = start;
            for (var c = start; c < end; c++)
            {
                var area = Math.Abs(((px - nextX) * (points[c].Value - py)) - ((px - points[c].Step) * (nextY - py)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = c;
                }
            }

            selected.Add(map is null ? best : map[best]);
            previous = best;
        }
    }

    /// <summary>The average point of the bucket starting at <paramref name="start"/>; for the last bucket,
    /// the last point itself.</summary>
    private static (double X, double Y) NextAverage(ReadOnlySpan<MetricPoint> points, int start, double bucketSize)
    {
        var last = points.Length - 1;
        if (start >= last)
        {
            return (points[last].Step, points[last].Value);
        }

        var end = Math.Min(last, start + Math.Max(1, (int)bucketSize));
        double sumX = 0, sumY = 0;
        for (var c = start; c < end; c++)
        {
            sumX += points[c].Step;
            sumY += points[c].Value;
        }

        var n = end - start;
        return (sumX / n, sumY / n);
    }
}
