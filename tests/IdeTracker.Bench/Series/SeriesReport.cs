using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeTracker.Bench.Reporting;
using IdeTracker.Server.Features.Compare;

namespace IdeTracker.Bench.Series;

/// <summary>The series rows of the report, in the index scenarios' columns, and its JSON line. Every series
/// coming back within the point budget must hold; the times are targets.</summary>
internal static class SeriesReport
{
    public const double SeriesTargetMs = 150;

    private const string Format = "{0,-10} {1,-24} {2,-30} {3,-40} {4}";

    public static void Print(TextWriter writer, SeriesResult r)
    {
        WriteRow(writer, r.Scenario, "index", $"{r.Runs} runs × {r.Metrics} metrics × {r.StepsPerSeries:N0} steps", $"written in {r.WriteSeconds:F1} s", "");
        WriteRow(writer, r.Scenario, "compare p50 / p95", $"{r.CompareP50Ms:F1} / {r.CompareP95Ms:F1} ms", $"{r.CompareRuns} runs, {r.CompareCpuMs:F1} ms CPU each", "");
        WriteRow(writer, r.Scenario, "lineage p50", $"{r.LineageP50Ms:F1} ms", $"one experiment of {r.LineageRuns:N0} runs", "");
        WriteRow(writer, r.Scenario, "metricSeries CPU", $"{r.SeriesCpuMs:F1} ms per request", "all threads together", "");
        foreach (var check in Checks(r))
        {
            WriteRow(writer, r.Scenario, check.Measure, check.Value, check.Target, check.Verdict);
        }
    }

    public static string Json(SeriesResult r)
    {
        var json = JsonSerializer.SerializeToNode(r, BenchJson.Options)!.AsObject();
        var targets = new JsonObject();
        foreach (var check in Checks(r))
        {
            targets[check.Key] = check.Met;
        }

        json["targetsMet"] = targets;
        return json.ToJsonString(BenchJson.Options);
    }

    public static IEnumerable<TargetCheck> Checks(SeriesResult r)
    {
        var expected = r.Runs * r.Metrics;
        yield return new TargetCheck("seriesReturned", "series returned", $"{r.SeriesReturned} of {expected}", "all asked", r.SeriesReturned == expected, MustHold: true);
        yield return new TargetCheck("pointsPerSeries", "points per series (max)", $"{r.MaxPointsPerSeries:N0}",
            $"≤ {MetricSeriesBuilder.DefaultMaxPoints:N0}", r.MaxPointsPerSeries <= MetricSeriesBuilder.DefaultMaxPoints, MustHold: true);
        yield return new TargetCheck("compareRuns", "compare runs returned", $"{r.CompareRunsReturned} of {r.CompareRuns}", "all asked", r.CompareRunsReturned == r.CompareRuns, MustHold: true);
        yield return new TargetCheck("seriesP95", "metricSeries p50 / p95", $"{r.SeriesP50Ms:F1} / {r.SeriesP95Ms:F1} ms", $"≤ {SeriesTargetMs:N0} ms (p95)",
            r.SeriesP95Ms <= SeriesTargetMs, MustHold: false);
    }

    private static void WriteRow(TextWriter writer, params object?[] cells) =>
        writer.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
