using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeTracker.Bench.Reporting;

namespace IdeTracker.Bench.Live;

/// <summary>The live measurement's rows, in the columns of <see cref="ResultTable"/> so they read as part of its table,
/// and its JSON line.</summary>
internal static class LiveLatencyReport
{
    public const double TargetMs = 300;

    private const string Format = "{0,-10} {1,-24} {2,-30} {3,-40} {4}";
    private const string Scenario = "live";

    public static IReadOnlyList<TargetCheck> Targets(LiveLatencyResult result) =>
    [
        new("liveChangesArrived", "runsChanged received", $"{result.Arrived} of {result.Appends} appends", "every append",
            result.Error is null && result.Arrived == result.Appends, MustHold: true),
        new("liveLatencyMs", "slowest append", $"{result.MaxMs:F1} ms", $"≤ {TargetMs:N0} ms (append → runsChanged)",
            result.Error is null && result.MaxMs <= TargetMs, MustHold: false),
    ];

    public static void Print(TextWriter writer, LiveLatencyResult result)
    {
        if (result.Error is { } error)
        {
            WriteRow(writer, Scenario, "failed", error, "", "");
            return;
        }

        WriteRow(writer, Scenario, "workspace", $"{result.Runs:N0} runs, 1 running", "", "");
        WriteRow(writer, Scenario, "server ready after", $"{result.ReadySeconds:F1} s", "", "");
        WriteRow(writer, Scenario, "append → runsChanged", $"p50 {result.P50Ms:F1} / p95 {result.P95Ms:F1} ms", "", "");
        foreach (var check in Targets(result))
        {
            WriteRow(writer, Scenario, check.Measure, check.Value, check.Target, check.Verdict);
        }
    }

    public static string Json(LiveLatencyResult result)
    {
        var json = JsonSerializer.SerializeToNode(result, BenchJson.Options)!.AsObject();
        json.Insert(0, "scenario", Scenario);
        var targets = new JsonObject();
        foreach (var check in Targets(result))
        {
            targets[check.Key] = check.Met;
        }

        json["targetsMet"] = targets;
        return json.ToJsonString(BenchJson.Options);
    }

    private static void WriteRow(TextWriter writer, params object?[] cells) =>
        writer.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
