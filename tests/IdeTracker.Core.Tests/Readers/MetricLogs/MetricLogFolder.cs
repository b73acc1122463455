using System.Text;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.MetricLogs;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>A scratch workspace with a folder "logs" of generated metric log files (nothing here is real data),
/// read with the real reader.</summary>
internal sealed class MetricLogFolder : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    public string Folder => _dir.Combine("logs");

    public string PathOf(string name) => Path.Combine(Folder, name);

    public RunUnit Unit(string name) => new(UnitFormats.MetricLogFile, PathOf(name), Folder, Root);

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(PathOf(name), bytes);
        return PathOf(name);
    }

    public void Append(string name, string text) => File.AppendAllText(PathOf(name), text);

    public UnitReadResult Read(string name, long maxPoints = MetricLogReader.DefaultMaxPoints) =>
        new MetricLogReader(maxPoints).Read(Unit(name), CancellationToken.None);

    public void Dispose() => _dir.Dispose();
}
