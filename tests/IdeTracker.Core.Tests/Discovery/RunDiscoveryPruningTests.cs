using IdeTracker.Core.Discovery;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

public sealed class RunDiscoveryPruningTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Runs_inside_tool_package_and_environment_folders_are_ignored()
    {
        var kept = _dir.LightningVersion("lightning_logs/version_0");
        foreach (var folder in new[] { ".git", "node_modules/pkg", "__pycache__", ".ide-tracker", ".venv", "venv", "lib/python3.12/site-packages/pkg", "env-a", "env-b" })
        {
            _dir.MlflowStore(folder + "/mlruns", RunFolders.RunId(1));
            _dir.LightningVersion(folder + "/lightning_logs/version_0");
            _dir.Write(folder + "/mlflow.db", "");
        }

        _dir.Write("env-a/pyvenv.cfg", "home = /usr/bin\n");
        Directory.CreateDirectory(_dir.Combine("env-b", "conda-meta"));

        var result = new RunDiscovery(DiscoveryOptions.Default).Discover(_dir.Path, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal([kept], result.Units.Select(u => u.Path));
    }

    [Fact]
    public void Exclude_globs_prune_folders_and_files_relative_to_the_root()
    {
        _dir.MlflowStore("data/mlruns", RunFolders.RunId(1));
        _dir.LightningVersion("data/deep/lightning_logs/version_0");
        _dir.LightningVersion("exp/a/checkpoints/lightning_logs/version_0");
        _dir.LightningVersion("checkpoints/lightning_logs/version_0");
        _dir.Write("scratch/mlflow.db", "");
        var keptStore = _dir.MlflowRun("data2/mlruns", "0", RunFolders.RunId(2));
        _dir.MlflowExperiment("data2/mlruns", "0");
        var keptVersion = _dir.LightningVersion("exp/a/checkpoints2/lightning_logs/version_0");
        var keptDb = _dir.Write("mlflow.db", "");
        var options = new DiscoveryOptions { ExcludeGlobs = ["data/**", "**/checkpoints", "scratch/*.db"] };

        var units = new RunDiscovery(options).Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([keptDb, keptStore, keptVersion], units.Select(u => u.Path));
    }
}
