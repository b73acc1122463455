using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;
using IdeTracker.Core.Queries;

namespace IdeTracker.Server.Cli;

/// <summary><c>runs &lt;folder&gt; --where "expr"</c>: indexes the folder like <c>scan</c>, then lists the runs the
/// filter selects, flat and sorted (newest first unless <c>--sort</c>), as <c>scan</c>'s table or, with
/// <c>--json</c>, in exactly <c>scan --json</c>'s shape. A filter or sort that does not parse is shown with a
/// caret under the spot and the reason; the exit code is then 2.</summary>
public static class RunsCommand
{
    public const int BadFilter = 2;

    public static int Run(RunsArguments args, TextWriter output, TextWriter error)
    {
        // A syntax error is reported before the folder is indexed: nobody should wait to learn of a typo.
        try
        {
            FilterParser.Parse(args.Where);
        }
        catch (FilterException e)
        {
            return Report(e, args, error);
        }

        using var store = ScanCommand.OpenAndIndex(args.Scan, error, out var result, out var databasePath);
        var choice = PrimaryMetric.Choose(store.GetMetricKeyCounts(), args.Scan.Metric, args.Scan.Direction);
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<RunDetailsRow> runs;
        int matched;
        try
        {
            runs = store.QueryRunDetails(args.Where, args.Sort, args.Limit, choice?.Key, now);
            matched = store.QueryRuns(args.Where, null, 0, 0, null, now).Total;
        }
        catch (FilterException e)
        {
            return Report(e, args, error);
        }

        if (args.Scan.Json)
        {
            ScanJson.Write(output, runs, args.Scan.Folder);
        }
        else
        {
            ScanTable.Write(output, runs, choice, now, nestChildren: false);
            var shown = runs.Count < matched ? $", {runs.Count:N0} shown" : "";
            error.WriteLine($"{Labels.Count(matched, "run")} matched of {Labels.Count(store.GetCounts(now, TimeSpan.Zero).Runs, "run")}{shown} " +
                            $"in {Labels.Duration(result.Elapsed)} ({Labels.Count(result.UnitsRead, "folder")} read, index {databasePath})");
        }

        return 0;
    }

    /// <summary>The text that failed, a caret line under the spot, and the reason.</summary>
    private static int Report(FilterException e, RunsArguments args, TextWriter error)
    {
        var text = (e.Field == "sort" ? args.Sort : args.Where) ?? "";
        var option = e.Field == "sort" ? "--sort" : "--where";
        error.WriteLine($"ide-tracker runs: {option} does not parse:");
        error.WriteLine("  " + string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)));
        error.WriteLine("  " + new string(' ', Math.Min(e.Position, text.Length)) + "^" + new string('~', Math.Max(0, Math.Min(e.Length, text.Length - e.Position) - 1)));
        error.WriteLine($"  {e.Message}");
        return BadFilter;
    }
}
