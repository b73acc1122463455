using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Sacred;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>A generated FileStorageObserver base dir (&lt;workspace&gt;/runs) with one run folder, runs/&lt;id&gt;, read
/// with the real reader against a fixed clock. Everything written here is generated, not real data.</summary>
internal sealed class SacredRunFolder : IDisposable
{
    /// <summary>The "now" the reader sees: the heartbeat rule is measured from here.</summary>
    public static readonly DateTimeOffset Now = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    public SacredRunFolder(string id = "7") => Id = id;

    public string Id { get; }

    public string Root => _dir.Path;

    public string BaseDir => _dir.Combine("runs");

    public string Folder => _dir.Combine("runs", Id);

    public string RunJson => Path.Combine(Folder, SacredRunReader.RunFileName);

    public string ConfigJson => Path.Combine(Folder, SacredRunReader.ConfigFileName);

    public string MetricsJson => Path.Combine(Folder, SacredRunReader.MetricsFileName);

    public string InfoJson => Path.Combine(Folder, SacredRunReader.InfoFileName);

    public RunUnit Unit => new(UnitFormats.SacredRun, Folder, BaseDir, Root);

    public SacredRunFolder With(string fileName, string text) => With(fileName, System.Text.Encoding.UTF8.GetBytes(text));

    public SacredRunFolder With(string fileName, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, fileName), bytes);
        return this;
    }

    public SacredRunFolder WithRun(string text) => With(SacredRunReader.RunFileName, text);

    public SacredRunFolder WithConfig(string text) => With(SacredRunReader.ConfigFileName, text);

    public SacredRunFolder WithMetrics(string text) => With(SacredRunReader.MetricsFileName, text);

    public SacredRunFolder WithInfo(string text) => With(SacredRunReader.InfoFileName, text);

    public UnitReadResult Read() => new SacredRunReader(new FixedClock(Now)).Read(Unit, CancellationToken.None);

    /// <summary>A run.json as Sacred 0.8 writes one, with the given status and times (null leaves a key out).</summary>
    public static string RunJsonText(
        string status = "COMPLETED",
        string? start = "2024-03-01T10:00:00.000001",
        string? stop = "2024-03-01T11:00:00.5",
        string? heartbeat = "2024-03-01T11:00:00.4",
        string result = "null",
        string meta = """{"command": "main", "options": {}, "config_updates": {}, "named_configs": []}""",
        string extra = "")
    {
        var times = string.Join("", new[] { ("start_time", start), ("stop_time", stop), ("heartbeat", heartbeat) }
            .Where(t => t.Item2 is not null)
            .Select(t => $"\n  \"{t.Item1}\": \"{t.Item2}\","));
        return $$"""
            {
              "command": "main",
              "experiment": {"name": "gen", "mainfile": "train.py", "dependencies": ["numpy==1.26.0"], "repositories": []},
              "host": {"hostname": "box", "python_version": "3.11.4"},{{times}}
              "meta": {{meta}},
              "result": {{result}},{{extra}}
              "status": "{{status}}"
            }
            """;
    }

    public void Dispose() => _dir.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
