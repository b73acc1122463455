using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdeTracker.Bench.Tfevents;

/// <summary>The tfevents rows of the report, in the same columns as the index scenarios' table, and its JSON line.</summary>
internal static class TfeventsReport
{
    /// <summary>TensorBoard's Python loader on a 2-core machine (DESIGN.md anchor).</summary>
    public const double PythonLoaderPointsPerSecond = 200_000;

    public const double PointsPerSecondTarget = 50 * PythonLoaderPointsPerSecond;

    public const double MegabytesPerSecondTarget = 100;

    private const string Format = "{0,-10} {1,-24} {2,-30} {3,-40} {4}";

    public static void Print(TextWriter writer, TfeventsResult r)
    {
        WriteRow(writer, r.Scenario, "file", $"{r.ExpectedPoints:N0} points, {r.Bytes / (1024.0 * 1024.0):F1} MB", "", "");
        WriteRow(writer, r.Scenario, "parse (median of " + r.Repeats + ")", $"{r.MedianSeconds:F3} s (best {r.BestSeconds:F3} s)", "", "");
        foreach (var (_, measure, value, target, met) in Checks(r))
        {
            WriteRow(writer, r.Scenario, measure, value, target, met ? "met" : "NOT met");
        }
    }

    public static string Json(TfeventsResult r)
    {
        var json = JsonSerializer.SerializeToNode(r, BenchJson.Options)!.AsObject();
        var targets = new JsonObject();
        foreach (var (key, _, _, _, met) in Checks(r))
        {
            targets[key] = met;
        }

        json["megabytesPerSecond"] = r.MegabytesPerSecond;
        json["pointsPerSecond"] = r.PointsPerSecond;
        json["targetsMet"] = targets;
        return json.ToJsonString(BenchJson.Options);
    }

    /// <summary>Whether every point came back: without it the speed means nothing, and the bench fails.</summary>
    public static bool AllPointsRead(TfeventsResult r) => r.PointsRead == r.ExpectedPoints;

    private static IEnumerable<(string Key, string Measure, string Value, string Target, bool Met)> Checks(TfeventsResult r)
    {
        yield return ("pointsRead", "points read", $"{r.PointsRead:N0} of {r.ExpectedPoints:N0}", "all generated", AllPointsRead(r));
        yield return ("megabytesPerSecond", "parse throughput", $"{r.MegabytesPerSecond:N0} MB/s", $"≥ {MegabytesPerSecondTarget:N0} MB/s",
            r.MegabytesPerSecond >= MegabytesPerSecondTarget);
        yield return ("pointsPerSecond", "scalar points", $"{r.PointsPerSecond:N0} points/s",
            $"≥ {PointsPerSecondTarget:N0}/s (50× Python's {PythonLoaderPointsPerSecond:N0})", r.PointsPerSecond >= PointsPerSecondTarget);
    }

    private static void WriteRow(TextWriter writer, params object?[] cells) =>
        writer.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
