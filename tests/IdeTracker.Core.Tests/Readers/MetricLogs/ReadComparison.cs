using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>Asserts that two reads of a unit gave the same runs, problems and files, with a message that says
/// where they part (what a resumed read must give: exactly what a whole read gives).</summary>
internal static class ReadComparison
{
    public static void AssertSame(UnitReadResult expected, UnitReadResult actual, string because)
    {
        Assert.True(expected.Files.SequenceEqual(actual.Files), $"{because}: files differ");
        var expectedProblems = expected.Problems.Select(p => p.Format()).ToList();
        var actualProblems = actual.Problems.Select(p => p.Format()).ToList();
        Assert.True(expectedProblems.SequenceEqual(actualProblems),
            $"{because}: problems differ\nwhole:   {string.Join(" | ", expectedProblems)}\nresumed: {string.Join(" | ", actualProblems)}");
        Assert.True(expected.Problems.Select(p => p.Severity).SequenceEqual(actual.Problems.Select(p => p.Severity)), $"{because}: severities differ");
        Assert.Equal(expected.Runs.Count, actual.Runs.Count);
        foreach (var (e, a) in expected.Runs.Zip(actual.Runs))
        {
            AssertSame(e, a, because);
        }
    }

    private static void AssertSame(Run e, Run a, string because)
    {
        Assert.True((e.Id, e.Name, e.Experiment, e.StartTime, e.EndTime, e.Status) == (a.Id, a.Name, a.Experiment, a.StartTime, a.EndTime, a.Status),
            $"{because}: run fields differ: {e.StartTime}–{e.EndTime} vs {a.StartTime}–{a.EndTime}");
        Assert.True(e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).SequenceEqual(a.Tags.OrderBy(t => t.Key, StringComparer.Ordinal)), $"{because}: tags differ");
        Assert.True(e.Params.Count == 0 && a.Params.Count == 0, $"{because}: a metric log has no params");
        Assert.True(e.Metrics.Keys.Order(StringComparer.Ordinal).SequenceEqual(a.Metrics.Keys.Order(StringComparer.Ordinal)),
            $"{because}: metric names differ: {string.Join(",", e.Metrics.Keys)} vs {string.Join(",", a.Metrics.Keys)}");
        foreach (var (key, points) in e.Metrics)
        {
            Assert.True(points.SequenceEqual(a.Metrics[key]), $"{because}: points of '{key}' differ ({points.Count} vs {a.Metrics[key].Count})");
        }
    }
}
