using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Features.Indexing;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Tests.Features;

public sealed class WorkspaceSessionTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void The_main_metric_is_worked_out_again_after_every_index_change()
    {
        var workspace = temp.Combine("ws");
        Directory.CreateDirectory(workspace);
        using var session = WorkspaceSession.Open(workspace, new InitializationOptions { StoragePath = temp.Combine("storage") }, _ => { });
        Assert.Null(session.MainMetric);

        var store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        RunFixtures.WriteMlflowRun(store, "0", new string('a', 32), "a", metrics: new Dictionary<string, double[]> { ["val_loss"] = [0.4] });
        session.Indexer.IndexWorkspace(session.Root, null, CancellationToken.None);
        session.IndexChanged();

        Assert.Equal("val_loss", session.MainMetric?.Key);
        Assert.False(session.MainMetric?.HigherIsBetter);
    }

    public void Dispose() => temp.Dispose();
}
