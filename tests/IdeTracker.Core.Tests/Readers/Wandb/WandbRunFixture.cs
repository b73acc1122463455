using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Wandb;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>A generated W&amp;B run folder (wandb/offline-run-20240102_030405-&lt;id&gt; by default, the kind the
/// corpus lacks) in a scratch workspace, read with the real reader.</summary>
internal sealed class WandbRunFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public WandbRunFixture(string id = "abc123", string prefix = "offline-run-20240102_030405-")
    {
        Id = id;
        Folder = Path.Combine(Store, prefix + id);
        Directory.CreateDirectory(Path.Combine(Folder, "files"));
    }

    public string Id { get; }

    public string Root => _dir.Path;

    public string Store => _dir.Combine("wandb");

    public string Folder { get; }

    public string LogPath => Path.Combine(Folder, $"run-{Id}.wandb");

    public RunUnit Unit => new(UnitFormats.WandbRun, Folder, Store, Root);

    public WandbRunFixture WithLog(byte[] bytes)
    {
        File.WriteAllBytes(LogPath, bytes);
        return this;
    }

    public WandbRunFixture WithLog(WandbLogWriter writer) => WithLog(writer.ToArray());

    public WandbRunFixture WithFile(string name, string text)
    {
        File.WriteAllText(Path.Combine(Folder, "files", name), text);
        return this;
    }

    public WandbRunFixture WithFile(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(Folder, "files", name), bytes);
        return this;
    }

    public string FilePath(string name) => Path.Combine(Folder, "files", name);

    /// <summary>Sets when the log was last written, which decides whether a run without an exit record is killed.</summary>
    public WandbRunFixture LogWrittenAt(DateTimeOffset time)
    {
        File.SetLastWriteTimeUtc(LogPath, time.UtcDateTime);
        return this;
    }

    public UnitReadResult Read(TimeProvider? time = null) => new WandbRunReader(time ?? FixedTime.Later).Read(Unit, CancellationToken.None);

    public void Dispose() => _dir.Dispose();
}
