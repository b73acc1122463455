namespace IdeTracker.Core.Model;

/// <summary>Summary of one metric of one run. <see cref="Last"/> is the value of the latest point,
/// latest meaning the greatest (step, timestamp, value) as MLflow defines it. Min and Max skip NaN
/// (they are NaN only when every value is NaN).</summary>
public sealed record MetricSummary(
    double First,
    double Last,
    double Min,
    double Max,
    long Count,
    long LastStep,
    long LastTimestampMs)
{
    public static MetricSummary? Of(IReadOnlyList<MetricPoint> points)
    {
        if (points.Count == 0)
        {
            return null;
        }

        var first = points[0];
        var latest = points[0];
        double min = double.NaN, max = double.NaN;
        foreach (var p in points)
        {
            if (IsLater(p, latest))
            {
                latest = p;
            }

            if (!double.IsNaN(p.Value))
            {
                if (double.IsNaN(min) || p.Value < min)
                {
                    min = p.Value;
                }

                if (double.IsNaN(max) || p.Value > max)
                {
                    max = p.Value;
                }
            }
        }

        return new MetricSummary(first.Value, latest.Value, min, max, points.Count, latest.Step, latest.TimestampMs);
    }

    private static bool IsLater(MetricPoint a, MetricPoint b)
    {
        if (a.Step != b.Step)
        {
            return a.Step > b.Step;
        }

        if (a.TimestampMs != b.TimestampMs)
        {
            return a.TimestampMs > b.TimestampMs;
        }

        // MLflow compares values last; NaN sorts above everything there.
        return CompareLikeMlflow(a.Value, b.Value) > 0;
    }

    private static int CompareLikeMlflow(double a, double b)
    {
        if (double.IsNaN(a))
        {
            return double.IsNaN(b) ? 0 : 1;
        }

        return double.IsNaN(b) ? -1 : a.CompareTo(b);
    }
}
