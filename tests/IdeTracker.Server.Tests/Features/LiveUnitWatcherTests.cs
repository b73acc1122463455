using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Features.Indexing;
using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Tests.Features;

/// <summary>The server's own watcher of units being written, on generated folders. Waits poll with a timeout.</summary>
public sealed class LiveUnitWatcherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory temp = new();
    private readonly Lock gate = new();
    private readonly List<string> changed = [];
    private readonly LiveUnitWatcher watcher;

    public LiveUnitWatcherTests()
    {
        watcher = new LiveUnitWatcher(paths =>
        {
            lock (gate)
            {
                changed.AddRange(paths);
            }
        }, new ServerLogger());
    }

    public void Dispose()
    {
        watcher.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void A_folder_unit_is_watched_with_its_sub_folders_including_new_ones()
    {
        var unit = Directory.CreateDirectory(temp.Combine("mlruns", "0", "run")).FullName;
        watcher.WatchOnly([unit]);

        var metric = Path.Combine(unit, "metrics", "val", "loss");
        Directory.CreateDirectory(Path.GetDirectoryName(metric)!);
        File.WriteAllText(metric, "1 0.5 0\n");

        // A file written the instant its folder appears can beat the watch on that folder; the folder's own event is
        // enough, since the whole unit is read again. Once the watch is there, the file's own writes come too.
        Until(() => Changed().Any(p => p.StartsWith(unit + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
        Until(() =>
        {
            File.AppendAllText(metric, "2 0.4 1\n");
            return Changed().Contains(metric);
        });
    }

    [Fact]
    public void A_single_file_unit_is_watched_through_its_folder_with_its_companion_files()
    {
        var database = temp.Write("project/mlflow.db", "");
        var notes = temp.Write("project/notes.txt", "");
        watcher.WatchOnly([database]);

        // One watch delivers its events in order: had the other file passed the filter, it would come first.
        File.AppendAllText(notes, "x");
        File.WriteAllText(database + "-wal", "x");
        File.AppendAllText(database, "x");

        Until(() => Changed().Contains(database + "-wal") && Changed().Contains(database));
        Assert.DoesNotContain(notes, Changed());
    }

    [Fact]
    public void At_most_the_bound_is_watched_the_first_given_first_and_missing_units_are_skipped()
    {
        var units = Enumerable.Range(0, LiveUnitWatcher.MaxUnits + 4).Select(i => Directory.CreateDirectory(temp.Combine("runs", $"r{i:D2}")).FullName).ToList();

        watcher.WatchOnly([temp.Combine("runs", "gone"), .. units]);

        Assert.Equal(units.Take(LiveUnitWatcher.MaxUnits), watcher.WatchedUnits);
        watcher.WatchOnly(units.Skip(2).Take(3));
        Assert.Equal(units.Skip(2).Take(3), watcher.WatchedUnits);
    }

    [Fact]
    public void A_folder_unit_with_too_many_folders_to_watch_is_left_to_the_client()
    {
        var small = Directory.CreateDirectory(temp.Combine("runs", "small", "metrics")).Parent!.FullName;
        var project = temp.Combine("project");
        for (var i = 0; i < 300; i++)
        {
            Directory.CreateDirectory(Path.Combine(project, "data", $"shard{i:D3}"));
        }

        watcher.WatchOnly([project, small]);

        Assert.Equal([small], watcher.WatchedUnits);
    }

    [Fact]
    public void A_deleted_unit_loses_its_watcher_and_is_watched_afresh_when_it_comes_back()
    {
        var unit = Directory.CreateDirectory(temp.Combine("runs", "r")).FullName;
        watcher.WatchOnly([unit]);

        Directory.Delete(unit, recursive: true);
        watcher.DropGone();
        Assert.Empty(watcher.WatchedUnits);

        Directory.CreateDirectory(unit);
        watcher.WatchOnly([unit]);
        var file = Path.Combine(unit, "meta.yaml");
        File.WriteAllText(file, "status: 1\n");
        Until(() => Changed().Contains(file));
    }

    [Fact]
    public void A_failing_watcher_is_dropped_and_its_unit_read_again_and_the_next_pass_watches_it_afresh()
    {
        var unit = Directory.CreateDirectory(temp.Combine("runs", "r")).FullName;
        watcher.WatchOnly([unit]);

        watcher.Failed(unit, new InternalBufferOverflowException("too many changes at once"));

        Assert.Empty(watcher.WatchedUnits);
        Assert.Equal([unit], Changed());
        watcher.WatchOnly([unit]);
        Assert.Equal([unit], watcher.WatchedUnits);
    }

    private List<string> Changed()
    {
        lock (gate)
        {
            return [.. changed];
        }
    }

    private static void Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the change was not reported within the timeout");
            Thread.Sleep(10);
        }
    }
}
