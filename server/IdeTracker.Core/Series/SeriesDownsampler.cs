using IdeTracker.Core.Model;

namespace IdeTracker.Core.Series;

/// <summary>Cuts a metric series down to a point budget for a chart, keeping what a person looks for.
/// A series of at most <c>maxPoints</c> points comes back as it is. A longer one is ordered by step and
/// always keeps, in this order of priority:
/// <list type="number">
/// <item>the first and last points, and the smallest and largest finite values (first occurrence);</item>
/// <item>its non-finite points (NaN, ±Infinity — a NaN spike is news): every one when they fit in a quarter
/// of the budget left, else that many, spread evenly (the first of each equal run of them);</item>
/// <item>the rest of the budget for the finite points, picked by largest-triangle-three-buckets
/// (<see cref="LargestTriangleThreeBuckets"/>), which keeps peaks and dips.</item>
/// </list>
/// The kept points are returned in step order; there are never more than <c>maxPoints</c>.</summary>
public static class SeriesDownsampler
{
    /// <summary>Fewer points than this could not hold both ends and both extremes.</summary>
    public const int MinPoints = 4;

    public static IReadOnlyList<MetricPoint> Downsample(IReadOnlyList<MetricPoint> points, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, MinPoints);
        if (points.Count <= maxPoints)
        {
            return points;
        }

        var sorted = InStepOrder(points);
        var kept = new HashSet<int>();
        KeepEndsAndExtremes(sorted, kept);

        var nonFinite = new List<int>();
        var finite = new List<int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            (double.IsFinite(sorted[i].Value) ? finite : nonFinite).Add(i);
        }

        nonFinite.RemoveAll(kept.Contains);
        var nonFiniteBudget = Math.Min(nonFinite.Count, (maxPoints - kept.Count) / 4);
        foreach (var i in EvenlySpread(nonFinite, nonFiniteBudget))
        {
            kept.Add(i);
        }

        // What the triangles pick may coincide with points already kept, so the union stays within budget.
        kept.UnionWith(LargestTriangleThreeBuckets.Select(sorted, finite, maxPoints - kept.Count));

        var order = kept.ToArray();
        Array.Sort(order);
        return Array.ConvertAll(order, i => sorted[i]);
    }

    /// <summary>The points by step; logs are nearly always in order already, so this copies without sorting then.
    /// The sort is stable: points logged at the same step keep their order.</summary>
    private static MetricPoint[] InStepOrder(IReadOnlyList<MetricPoint> points)
    {
        var copy = points.ToArray();
        for (var i = 1; i < copy.Length; i++)
        {
            if (copy[i].Step < copy[i - 1].Step)
            {
                return [.. copy.OrderBy(p => p.Step)];
            }
        }

        return copy;
    }

    private static void KeepEndsAndExtremes(MetricPoint[] points, HashSet<int> kept)
    {
        kept.Add(0);
        kept.Add(points.Length - 1);
        int min = -1, max = -1;
        for (var i = 0; i < points.Length; i++)
        {
            var value = points[i].Value;
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (min < 0 || value < points[min].Value)
            {
                min = i;
            }

            if (max < 0 || value > points[max].Value)
            {
                max = i;
            }
        }

        if (min >= 0)
        {
            kept.Add(min);
            kept.Add(max);
        }
    }

    /// <summary><paramref name="count"/> of <paramref name="indexes"/>: the first of each of that many equal groups.</summary>
    private static IEnumerable<int> EvenlySpread(List<int> indexes, int count)
    {
        for (var g = 0; g < count; g++)
        {
            yield return indexes[(int)((long)g * indexes.Count / count)];
        }
    }
}
