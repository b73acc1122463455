using IdeTracker.Bench.Measurement;

namespace IdeTracker.Bench.Reporting;

/// <summary>The human-readable report: for each scenario its measurements, then each target with its verdict.</summary>
internal static class ResultTable
{
    private const string Format = "{0,-10} {1,-24} {2,-30} {3,-40} {4}";

    public static void Print(TextWriter writer, IReadOnlyList<ScenarioRun> runs)
    {
        WriteRow(writer, "scenario", "measure", "value", "target (DESIGN.md)", "verdict");
        WriteRow(writer, new string('-', 10), new string('-', 24), new string('-', 30), new string('-', 40), new string('-', 7));
        foreach (var run in runs)
        {
            if (run.Result is not { } result)
            {
                WriteRow(writer, run.Scenario.Name, "failed", run.Error, "", "");
                continue;
            }

            foreach (var (measure, value) in Measurements(result))
            {
                WriteRow(writer, run.Scenario.Name, measure, value, "", "");
            }

            if (run.Scenario.Composition is { } composition)
            {
                WriteRow(writer, run.Scenario.Name, "runs by format", composition, "", "");
            }

            foreach (var check in Targets.For(run.Scenario, result))
            {
                WriteRow(writer, run.Scenario.Name, check.Measure, check.Value, check.Target, check.Verdict);
            }
        }
    }

    private static void WriteRow(TextWriter writer, params object?[] cells) =>
        writer.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, cells).TrimEnd());

    private static IEnumerable<(string Measure, string Value)> Measurements(ScenarioResult r)
    {
        yield return ("workspace", $"{r.ExpectedRuns:N0} runs, {r.Files:N0} files, {r.Megabytes:F1} MB");
        yield return ("threads", $"{r.Processors}");
        yield return ("cat (each file once)", $"{r.CatSeconds:F3} s");
        yield return ("cold index", $"{r.ColdSeconds:F3} s (indexer {r.ColdIndexerSeconds:F3} s)");
        yield return ("warm re-scan", $"{r.WarmSeconds:F3} s (indexer {r.WarmIndexerSeconds:F3} s)");
        var rssNote = r.PeakRssPerPhase ? "" : " (warm includes cold)";
        yield return ("peak RSS cold / warm", $"{Megabytes(r.PeakRssColdMb)} / {Megabytes(r.PeakRssWarmMb)} MB{rssNote}");
    }

    private static string Megabytes(double? value) => value is { } mb ? $"{mb:F1}" : "n/a";
}
