using System.Buffers;
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

        return DownsampleBuffer(points as MetricPoint[] ?? [.. points], maxPoints);
    }

    /// <summary>The same over a span (a pooled buffer), always into a new array (named apart from
    /// <see cref="Downsample"/>, which an array would otherwise bind to this one).</summary>
    public static MetricPoint[] DownsampleBuffer(ReadOnlySpan<MetricPoint> points, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, MinPoints);
        if (points.Length <= maxPoints)
        {
            return points.ToArray();
        }

        var survey = Survey.Of(points);
        if (!survey.InStepOrder)
        {
            // Rare (logs are nearly always in order); the sort is stable, so points of one step keep their order.
            MetricPoint[] sorted = [.. points.ToArray().OrderBy(p => p.Step)];
            return Select(sorted, Survey.Of(sorted), maxPoints);
        }

        return Select(points, survey, maxPoints);
    }

    private static MetricPoint[] Select(ReadOnlySpan<MetricPoint> points, Survey survey, int maxPoints)
    {
        var kept = new HashSet<int>(maxPoints) { 0, points.Length - 1 };
        if (survey.Min >= 0)
        {
            kept.Add(survey.Min);
            kept.Add(survey.Max);
        }

        var allFinite = survey.NonFinite.Count == 0;
        var nonFinite = survey.NonFinite;
        nonFinite.RemoveAll(kept.Contains);
        var nonFiniteBudget = Math.Min(nonFinite.Count, (maxPoints - kept.Count) / 4);
        for (var g = 0; g < nonFiniteBudget; g++)
        {
            kept.Add(nonFinite[(int)((long)g * nonFinite.Count / nonFiniteBudget)]);
        }

        // What the triangles pick may coincide with points already kept, so the union stays within budget.
        var budget = maxPoints - kept.Count;
        if (allFinite)
        {
            LargestTriangleThreeBuckets.Select(points, budget, kept, map: null);
        }
        else
        {
            KeepAmongFinite(points, budget, kept);
        }

        var order = kept.ToArray();
        Array.Sort(order);
        var result = new MetricPoint[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = points[order[i]];
        }

        return result;
    }

    /// <summary>The triangles over the finite points only, gathered into a pooled buffer with their places.</summary>
    private static void KeepAmongFinite(ReadOnlySpan<MetricPoint> points, int budget, HashSet<int> kept)
    {
        var finite = ArrayPool<MetricPoint>.Shared.Rent(points.Length);
        var places = ArrayPool<int>.Shared.Rent(points.Length);
        try
        {
            var count = 0;
            for (var i = 0; i < points.Length; i++)
            {
                if (double.IsFinite(points[i].Value))
                {
                    finite[count] = points[i];
                    places[count++] = i;
                }
            }

            LargestTriangleThreeBuckets.Select(finite.AsSpan(0, count), budget, kept, places);
        }
        finally
        {
            ArrayPool<MetricPoint>.Shared.Return(finite);
            ArrayPool<int>.Shared.Return(places);
        }
    }

    /// <summary>One pass over the points: whether they are in step order, where the smallest and largest
    /// finite values are (-1 when none is finite), and where the non-finite points are.</summary>
    private readonly record struct Survey(bool InStepOrder, int Min, int Max, List<int> NonFinite)
    {
        public static Survey Of(ReadOnlySpan<MetricPoint> points)
        {
            var inOrder = true;
            int min = -1, max = -1;
            double minValue = double.PositiveInfinity, maxValue = double.NegativeInfinity;
            var nonFinite = new List<int>();
            for (var i = 0; i < points.Length; i++)
            {
                if (i > 0 && points[i].Step < points[i - 1].Step)
                {
                    inOrder = false;
                }

                var value = points[i].Value;
                if (!double.IsFinite(value))
                {
                    nonFinite.Add(i);
                    continue;
                }

                if (min < 0 || value < minValue)
                {
                    (min, minValue) = (i, value);
                }

                if (max < 0 || value > maxValue)
                {
                    (max, maxValue) = (i, value);
                }
            }

            return new Survey(inOrder, min, max, nonFinite);
        }
    }
}
