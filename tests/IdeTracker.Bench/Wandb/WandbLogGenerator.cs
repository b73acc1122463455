using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using IdeTracker.Bench.Generation;

namespace IdeTracker.Bench.Wandb;

/// <summary>Writes one generated W&amp;B run folder whose run-bench.wandb holds <see cref="Rows"/> history rows of
/// <see cref="Keys"/> metrics each, laid out as W&amp;B 0.14+ writes them: LevelDB log framing under the
/// ":W&amp;B" header, a run record first, every row with _timestamp, _runtime and _step items and a
/// HistoryStep, a console line every 100 rows, an exit record at the end. The protobuf is encoded by hand
/// here (the bench cannot see the reader's generated classes, and should not share its code anyway).</summary>
internal sealed class WandbLogGenerator(int rows) : IWorkspaceGenerator
{
    public const int Keys = 5;
    public const string RunId = "bench";
    public const string FolderName = "run-20250301_120000-" + RunId;

    private const int BlockSize = 32 * 1024;
    private const int HeaderSize = 7;
    private const double StartSeconds = 1_740_830_400;

    private static readonly string[] KeyNames = ["train/loss", "train/acc", "val/loss", "val/acc", "lr"];

    public int Rows { get; } = rows;

    public string Stamp => $"wandb-log v1 rows={Rows} keys={Keys} seed={SeededRandom.BenchSeed}";

    public static string LogPath(string workspaceRoot) => Path.Combine(workspaceRoot, "wandb", FolderName, $"run-{RunId}.wandb");

    public void Generate(string workspaceRoot)
    {
        var path = LogPath(workspaceRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteLog(path, RunId, Rows, StartSeconds, SeededRandom.ForRun("wandb-log", 0));
    }

    /// <summary>Writes one complete .wandb log of <paramref name="rows"/> history rows for run <paramref name="runId"/>
    /// started at <paramref name="startSeconds"/>; the mixed workspace writes its W&amp;B runs' logs with it. Returns
    /// the last row's items (key → value_json), which is what W&amp;B's summary file holds at the end of a run.</summary>
    public static IReadOnlyDictionary<string, string> WriteLog(string path, string runId, int rows, double startSeconds, Random random)
    {
        var last = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var framing = new Framing(file);
        var record = new ArrayBufferWriter<byte>(512);
        var body = new ArrayBufferWriter<byte>(512);
        long num = 0;

        record.Clear();
        Varint(record, 1 << 3, ++num);
        Message(record, 17, RunRecord(runId, startSeconds));
        framing.Add(record.WrittenSpan);
        for (var step = 0; step < rows; step++)
        {
            body.Clear();
            var progress = (double)step / rows;
            double[] values =
            [
                2.5 * Math.Exp(-3 * progress) + (0.05 * random.Noise()),
                0.5 + (0.45 * progress) + (0.01 * random.Noise()),
                2.6 * Math.Exp(-2.8 * progress) + (0.05 * random.Noise()),
                0.5 + (0.42 * progress) + (0.01 * random.Noise()),
                0.001 * (1 - progress),
            ];
            for (var k = 0; k < Keys; k++)
            {
                Item(body, KeyNames[k], last[KeyNames[k]] = PythonFloat.Format(values[k]));
            }

            var seconds = startSeconds + (step * 0.05);
            Item(body, "_timestamp", last["_timestamp"] = PythonFloat.Format(seconds));
            Item(body, "_runtime", last["_runtime"] = PythonFloat.Format(step * 0.05));
            Item(body, "_step", last["_step"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var stepMessage = new ArrayBufferWriter<byte>(16);
            if (step > 0)
            {
                Varint(stepMessage, 1 << 3, step);
            }

            Message(body, 2, stepMessage.WrittenSpan);

            record.Clear();
            Varint(record, 1 << 3, ++num);
            Message(record, 2, body.WrittenSpan);
            framing.Add(record.WrittenSpan);

            if (step % 100 == 99)
            {
                record.Clear();
                Varint(record, 1 << 3, ++num);
                Message(record, 13, OutputRecord(seconds, $"step {step}: loss {values[0]:F4}"));
                framing.Add(record.WrittenSpan);
            }
        }

        record.Clear();
        Varint(record, 1 << 3, ++num);
        var exit = new ArrayBufferWriter<byte>(16);
        Varint(exit, 2 << 3, (long)(rows * 0.05));
        Message(record, 18, exit.WrittenSpan);
        framing.Add(record.WrittenSpan);
        return last;
    }

    private static byte[] RunRecord(string runId, double startSeconds)
    {
        var run = new ArrayBufferWriter<byte>(128);
        Text(run, 1, runId);
        Text(run, 3, "bench");
        Text(run, 13, "bench-host");
        var start = new ArrayBufferWriter<byte>(16);
        Varint(start, 1 << 3, (long)startSeconds);
        Message(run, 17, start.WrittenSpan);
        return run.WrittenSpan.ToArray();
    }

    private static byte[] OutputRecord(double seconds, string line)
    {
        var output = new ArrayBufferWriter<byte>(64);
        Varint(output, 1 << 3, 1);
        var time = new ArrayBufferWriter<byte>(16);
        Varint(time, 1 << 3, (long)seconds);
        Message(output, 2, time.WrittenSpan);
        Text(output, 3, line);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>HistoryItem { key = 1; value_json = 16; } as field 1 of the HistoryRecord.</summary>
    private static void Item(ArrayBufferWriter<byte> into, string key, string valueJson)
    {
        var item = new ArrayBufferWriter<byte>(64);
        Text(item, 1, key);
        Text(item, 16, valueJson);
        Message(into, 1, item.WrittenSpan);
    }

    private static void Text(ArrayBufferWriter<byte> into, int field, string text) => Message(into, field, Encoding.UTF8.GetBytes(text));

    private static void Message(ArrayBufferWriter<byte> into, int field, ReadOnlySpan<byte> bytes)
    {
        RawVarint(into, ((ulong)field << 3) | 2);
        RawVarint(into, (ulong)bytes.Length);
        into.Write(bytes);
    }

    private static void Varint(ArrayBufferWriter<byte> into, int tag, long value)
    {
        RawVarint(into, (ulong)tag);
        RawVarint(into, (ulong)value);
    }

    private static void RawVarint(ArrayBufferWriter<byte> into, ulong value)
    {
        while (value >= 0x80)
        {
            into.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        into.Write([(byte)value]);
    }

    /// <summary>LevelDB log framing: records split at 32 KB block boundaries, short block tails zero-filled.</summary>
    private sealed class Framing
    {
        private readonly Stream _out;
        private readonly Crc32 _crc = new();
        private long _position;

        public Framing(Stream output)
        {
            _out = output;
            Write([(byte)':', (byte)'W', (byte)'&', (byte)'B', 0xE1, 0xBE, 0]);
        }

        public void Add(ReadOnlySpan<byte> payload)
        {
            var begin = true;
            Span<byte> header = stackalloc byte[HeaderSize];
            do
            {
                var left = BlockSize - (int)(_position % BlockSize);
                if (left < HeaderSize)
                {
                    Write(new byte[left]);
                    left = BlockSize;
                }

                var length = Math.Min(payload.Length, left - HeaderSize);
                var end = length == payload.Length;
                var type = (byte)(begin && end ? 1 : begin ? 2 : end ? 4 : 3);
                _crc.Reset();
                _crc.Append([type]);
                _crc.Append(payload[..length]);
                BinaryPrimitives.WriteUInt32LittleEndian(header, _crc.GetCurrentHashAsUInt32());
                BinaryPrimitives.WriteUInt16LittleEndian(header[4..], (ushort)length);
                header[6] = type;
                Write(header);
                Write(payload[..length]);
                payload = payload[length..];
                begin = false;
            }
            while (payload.Length > 0);
        }

        private void Write(ReadOnlySpan<byte> bytes)
        {
            _out.Write(bytes);
            _position += bytes.Length;
        }
    }
}
