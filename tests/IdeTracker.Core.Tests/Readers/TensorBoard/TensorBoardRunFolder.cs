using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.TensorBoard;
using IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;
using IdeTracker.Core.Tests.Readers.TensorBoard.Protos;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

/// <summary>A generated &lt;root&gt;/logs/tb/run_1 folder for event files, read with the real reader.</summary>
internal sealed class TensorBoardRunFolder : IDisposable
{
    public const string FirstFile = "events.out.tfevents.1700000000.node1.cluster.4242.0";
    public const string SecondFile = "events.out.tfevents.1700000900.node1.cluster.4300.0";

    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    public string StoreDir => _dir.Combine("logs");

    public string Folder => _dir.Combine("logs", "tb", "run_1");

    public RunUnit Unit => new(UnitFormats.TensorBoardRun, Folder, StoreDir, Root);

    public TensorBoardRunReader Reader { get; } = new();

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public string Write(string fileName, params Event[] events) => EventFileWriter.Write(PathOf(fileName), events);

    public string WriteBytes(string fileName, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(PathOf(fileName), bytes);
        return PathOf(fileName);
    }

    public UnitReadResult Read() => Reader.Read(Unit, CancellationToken.None);

    public UnitReadResult Read(ReadResume? resume) => Reader.Read(Unit, resume, CancellationToken.None);

    public void Dispose() => _dir.Dispose();
}
