using IdeTracker.Core.Discovery;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

public sealed class RunDiscoveryRobustnessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Unreadable_and_vanished_folders_become_problems_and_the_walk_carries_on()
    {
        var first = _dir.LightningVersion("a/lightning_logs/version_0");
        _dir.LightningVersion("locked/lightning_logs/version_0");
        _dir.LightningVersion("vanishing/lightning_logs/version_0");
        var last = _dir.LightningVersion("z/lightning_logs/version_0");
        var locked = _dir.Combine("locked");
        var vanishing = _dir.Combine("vanishing");

        // Root ignores permissions, so a refused listing is staged; the vanishing folder is really deleted
        // between its parent's listing and its own.
        var discovery = new RunDiscovery(DiscoveryOptions.Default, (path, withFolders) =>
        {
            if (path == locked)
            {
                throw new UnauthorizedAccessException("Access to the path is denied.");
            }

            if (path == vanishing)
            {
                Directory.Delete(path, recursive: true);
            }

            return FolderListing.Read(path, withFolders);
        });

        var result = discovery.Discover(_dir.Path, CancellationToken.None);

        Assert.Equal([first, last], result.Units.Select(u => u.Path));
        Assert.Equal(
            [
                new Problem(locked, 0, "folder cannot be read: permission denied", ProblemSeverity.Warning),
                new Problem(vanishing, 0, "folder vanished while it was being scanned", ProblemSeverity.Warning),
            ],
            result.Problems);
    }

    [Fact]
    public void A_workspace_that_does_not_exist_is_a_problem_not_an_exception()
    {
        var missing = _dir.Combine("missing");

        var result = new RunDiscovery(DiscoveryOptions.Default).Discover(missing, CancellationToken.None);

        Assert.Empty(result.Units);
        Assert.Equal(missing, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void The_walk_stops_when_cancelled()
    {
        _dir.LightningVersion("lightning_logs/version_0");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new RunDiscovery(DiscoveryOptions.Default).Discover(_dir.Path, cancelled.Token));
    }

    [Fact]
    public void Units_come_in_the_same_order_every_time_with_children_sorted_ordinally()
    {
        string[] names = ["b", "B", "a_", "a-b", "a", "Z", "é", "10", "9"];
        string[] versions = ["version_2", "version_10", "version_1"];
        foreach (var name in names)
        {
            foreach (var version in versions)
            {
                _dir.LightningVersion($"{name}/lightning_logs/{version}");
            }
        }

        var discovery = new RunDiscovery(DiscoveryOptions.Default);
        var first = discovery.Discover(_dir.Path, CancellationToken.None).Units.Select(u => u.Path).ToList();
        var second = discovery.Discover(_dir.Path, CancellationToken.None).Units.Select(u => u.Path).ToList();

        // Depth-first: everything under "a" comes before "a-b", although "a-b" sorts before "a/" as a whole path.
        var expected =
            from name in (string[])["10", "9", "B", "Z", "a", "a-b", "a_", "b", "é"]
            from version in (string[])["version_1", "version_10", "version_2"]
            select _dir.Combine(name, "lightning_logs", version);
        Assert.Equal(expected, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_very_deep_tree_is_walked_without_recursion()
    {
        var deep = string.Join('/', Enumerable.Repeat("d", 1_000));
        var version = _dir.LightningVersion(deep + "/lightning_logs/version_0");

        var units = new RunDiscovery(DiscoveryOptions.Default).Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([version], units.Select(u => u.Path));
    }
}
