using System.Buffers.Binary;
using IdeTracker.Bench.Generation;
using IdeTracker.Core.Readers.TensorBoard;

namespace IdeTracker.Bench.Tfevents;

/// <summary>Writes one TensorBoard run whose single event file holds <c>tags × steps</c> scalar points, the way
/// PyTorch's SummaryWriter logs them: one Event per point (wall_time, step, a Summary with one simple_value),
/// each framed as a TFRecord with masked CRC-32Cs. The Events are encoded by hand here; the reader's own
/// tests check its decoder against Google.Protobuf's encoder.</summary>
internal sealed class TfeventsFileGenerator(int tags, int steps) : IWorkspaceGenerator
{
    public const string RunFolder = "tb/run_0";
    public const string FileName = "events.out.tfevents.1700000000.bench.1.0";

    private const double StartSeconds = 1_700_000_000;

    public int Tags { get; } = tags;

    public int Steps { get; } = steps;

    public long Points => (long)Tags * Steps;

    public string Stamp => $"tfevents v1: {Tags} tags x {Steps} steps";

    public void Generate(string workspaceRoot)
    {
        var folder = Path.Combine(workspaceRoot, RunFolder);
        Directory.CreateDirectory(folder);
        var names = Enumerable.Range(0, Tags).Select(t => $"train/metric_{t:D2}").ToArray();
        WriteEventFile(Path.Combine(folder, FileName), names, Steps, StartSeconds, SeededRandom.ForRun("tfevents", 0));
    }

    /// <summary>Writes one event file of <c>tags × steps</c> scalar points starting at <paramref name="startSeconds"/>,
    /// a curve per tag that decays over the run; the mixed workspace writes its TensorBoard and Guild runs with it.
    /// Tag names must be shorter than 100 bytes (each Event is framed in a fixed buffer).</summary>
    public static void WriteEventFile(string path, IReadOnlyList<string> tags, int steps, double startSeconds, Random random)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var names = tags.Select(t => System.Text.Encoding.UTF8.GetBytes(t)).ToArray();
        var record = new byte[256];
        var frame = new byte[256 + 16];
        WriteFrame(file, frame, EncodeFileVersion(record, startSeconds));
        for (var step = 0; step < steps; step++)
        {
            for (var t = 0; t < names.Length; t++)
            {
                var value = (float)(Math.Exp(-step / (double)steps * (t + 1)) + random.Between(-0.01, 0.01));
                var wall = startSeconds + (step * 0.05) + (t * 0.001);
                WriteFrame(file, frame, EncodeScalar(record, wall, step, names[t], value));
            }
        }
    }

    private static ReadOnlySpan<byte> EncodeFileVersion(byte[] into, double startSeconds)
    {
        var at = 0;
        into[at++] = 0x09;
        BinaryPrimitives.WriteDoubleLittleEndian(into.AsSpan(at), startSeconds);
        at += 8;
        var version = "brain.Event:2"u8;
        into[at++] = 0x1A;
        into[at++] = (byte)version.Length;
        version.CopyTo(into.AsSpan(at));
        return into.AsSpan(0, at + version.Length);
    }

    /// <summary>Event { wall_time = 1; step = 2; summary = 5 { value = 1 { tag = 1; simple_value = 2 } } }.</summary>
    private static ReadOnlySpan<byte> EncodeScalar(byte[] into, double wall, long step, byte[] tag, float value)
    {
        var valueLength = 2 + tag.Length + 5;
        var summaryLength = 2 + valueLength;
        var at = 0;
        into[at++] = 0x09;
        BinaryPrimitives.WriteDoubleLittleEndian(into.AsSpan(at), wall);
        at += 8;
        into[at++] = 0x10;
        at += WriteVarint(into.AsSpan(at), (ulong)step);
        into[at++] = 0x2A;
        into[at++] = (byte)summaryLength;
        into[at++] = 0x0A;
        into[at++] = (byte)valueLength;
        into[at++] = 0x0A;
        into[at++] = (byte)tag.Length;
        tag.CopyTo(into.AsSpan(at));
        at += tag.Length;
        into[at++] = 0x15;
        BinaryPrimitives.WriteSingleLittleEndian(into.AsSpan(at), value);
        return into.AsSpan(0, at + 4);
    }

    private static int WriteVarint(Span<byte> into, ulong value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            into[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[n++] = (byte)value;
        return n;
    }

    private static void WriteFrame(Stream file, byte[] frame, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(frame, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), Crc32C.Masked(frame.AsSpan(0, 8)));
        data.CopyTo(frame.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12 + data.Length), Crc32C.Masked(data));
        file.Write(frame, 0, 16 + data.Length);
    }
}
