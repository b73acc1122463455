using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

/// <summary>Compares two reads field by field, so a resumed read can be checked against a whole one.</summary>
internal static class ReadResultAssert
{
    /// <summary><paramref name="withStamps"/> false: the same content written again has other write times.</summary>
    public static void Same(UnitReadResult expected, UnitReadResult actual, string because, bool withStamps = true)
    {
        Assert.True(expected.Problems.SequenceEqual(actual.Problems),
            $"{because}: problems differ:\n{string.Join('\n', expected.Problems)}\nvs\n{string.Join('\n', actual.Problems)}");
        Assert.True(!withStamps || expected.Files.SequenceEqual(actual.Files), $"{because}: stamps differ");
        Assert.True(expected.Runs.Count == actual.Runs.Count, $"{because}: {expected.Runs.Count} runs vs {actual.Runs.Count}");
        foreach (var (e, a) in expected.Runs.Zip(actual.Runs))
        {
            Same(e, a, because);
        }
    }

    public static void Same(Run e, Run a, string because)
    {
        Assert.True(
            (e.Id, e.Source, e.NativeId, e.StorePath, e.ExperimentId, e.Experiment, e.Name, e.ParentId, e.Status, e.StartTime, e.EndTime)
            == (a.Id, a.Source, a.NativeId, a.StorePath, a.ExperimentId, a.Experiment, a.Name, a.ParentId, a.Status, a.StartTime, a.EndTime),
            $"{because}: run fields differ");
        Assert.True(
            (e.User, e.Host, e.Command, e.GitCommit, e.GitDirty, e.Note, e.Label, e.Directory, e.MetricsFile)
            == (a.User, a.Host, a.Command, a.GitCommit, a.GitDirty, a.Note, a.Label, a.Directory, a.MetricsFile),
            $"{because}: run fields differ");
        Assert.True(e.Params.SequenceEqual(a.Params), $"{because}: params differ");
        Assert.True(e.Tags.SequenceEqual(a.Tags), $"{because}: tags differ");
        Assert.True(e.Packages.SequenceEqual(a.Packages), $"{because}: packages differ");
        Assert.True(e.Environment.SequenceEqual(a.Environment), $"{because}: environment differs");
        Assert.True(e.Media.SequenceEqual(a.Media), $"{because}: media differ: {string.Join(", ", e.Media)} vs {string.Join(", ", a.Media)}");
        Assert.True(e.DataInputs.SequenceEqual(a.DataInputs), $"{because}: data inputs differ");
        Assert.True(e.Metrics.Keys.SequenceEqual(a.Metrics.Keys), $"{because}: metric keys differ: {string.Join(",", e.Metrics.Keys)} vs {string.Join(",", a.Metrics.Keys)}");
        foreach (var (key, points) in e.Metrics)
        {
            Assert.True(points.SequenceEqual(a.Metrics[key]), $"{because}: points of {key} differ ({points.Count} vs {a.Metrics[key].Count})");
        }
    }
}
