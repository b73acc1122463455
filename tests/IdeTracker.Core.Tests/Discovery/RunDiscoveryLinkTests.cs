using IdeTracker.Core.Discovery;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

public sealed class RunDiscoveryLinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _outside = new();
    private readonly RunDiscovery _discovery = new(DiscoveryOptions.Default);

    public void Dispose()
    {
        _dir.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void A_link_to_a_folder_outside_the_workspace_is_not_followed()
    {
        _outside.MlflowStore("mlruns", RunFolders.RunId(1));
        _outside.LightningVersion("lightning_logs/version_0");
        var link = _dir.Combine("shared");
        Directory.CreateSymbolicLink(link, _outside.Path);
        File.CreateSymbolicLink(_dir.Combine("mlflow.db"), _outside.Write("mlflow.db", ""));

        var result = _discovery.Discover(_dir.Path, CancellationToken.None);

        Assert.Empty(result.Units);
        Assert.Equal(
            [(_dir.Combine("mlflow.db"), ProblemSeverity.Information), (link, ProblemSeverity.Information)],
            result.Problems.Select(p => (p.Path, p.Severity)).Order());
    }

    [Fact]
    public void A_latest_link_to_a_sibling_run_does_not_yield_it_twice()
    {
        var run = _dir.MlflowRun("mlruns", "0", RunFolders.RunId(1));
        _dir.MlflowExperiment("mlruns", "0");
        Directory.CreateSymbolicLink(_dir.Combine("mlruns", "0", "latest"), RunFolders.RunId(1));
        var version = _dir.LightningVersion("logs/lightning_logs/version_1");

        // "latest" sorts before "version_1" and "alias" before "logs": links must still lose to the real folders.
        Directory.CreateSymbolicLink(_dir.Combine("logs", "lightning_logs", "latest"), "version_1");
        Directory.CreateSymbolicLink(_dir.Combine("alias"), "logs");

        var result = _discovery.Discover(_dir.Path, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal([version, run], result.Units.Select(u => u.Path));
    }

    [Fact]
    public void A_link_to_a_folder_elsewhere_in_the_workspace_is_followed_once()
    {
        var version = _dir.LightningVersion("a/lightning_logs/version_0");
        Directory.CreateSymbolicLink(_dir.Combine("b"), "a");
        Directory.CreateSymbolicLink(_dir.Combine("c"), _dir.Combine("b"));
        File.CreateSymbolicLink(_dir.Combine("a", "mlflow.db"), _dir.Write("z/mlflow.db", ""));

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([version, _dir.Combine("z", "mlflow.db")], units.Select(u => u.Path));
    }

    [Fact]
    public void A_link_is_not_a_way_into_pruned_or_excluded_folders()
    {
        _dir.MlflowStore(".git/mlruns", RunFolders.RunId(1));
        _dir.LightningVersion("data/lightning_logs/version_0");
        _dir.Write("data/db/mlflow.db", "");
        Directory.CreateSymbolicLink(_dir.Combine("old_runs"), ".git/mlruns");
        Directory.CreateSymbolicLink(_dir.Combine("shortcut"), "data");
        File.CreateSymbolicLink(_dir.Combine("mlflow.db"), _dir.Combine("data", "db", "mlflow.db"));
        var discovery = new RunDiscovery(new DiscoveryOptions { ExcludeGlobs = ["data/**"] });

        var result = discovery.Discover(_dir.Path, CancellationToken.None);

        Assert.Empty(result.Units);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Symlink_loops_end()
    {
        var version = _dir.LightningVersion("a/lightning_logs/version_0");
        Directory.CreateSymbolicLink(_dir.Combine("a", "up"), "..");
        Directory.CreateSymbolicLink(_dir.Combine("a", "lightning_logs", "again"), _dir.Combine("a"));
        Directory.CreateSymbolicLink(_dir.Combine("self"), "self");
        Directory.CreateSymbolicLink(_dir.Combine("ping"), "pong");
        Directory.CreateSymbolicLink(_dir.Combine("pong"), "ping");

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([version], units.Select(u => u.Path));
    }

    [Fact]
    public void A_workspace_root_reached_through_a_link_keeps_the_spelling_it_was_given()
    {
        _outside.LightningVersion("lightning_logs/version_0");
        var root = _dir.Combine("workspace");
        Directory.CreateSymbolicLink(root, _outside.Path);

        var units = _discovery.Discover(root + "/", CancellationToken.None).Units;

        var version = Path.Combine(root, "lightning_logs", "version_0");
        Assert.Equal([new RunUnit(UnitFormats.LightningCsvVersion, version, root, root)], units);
    }
}
