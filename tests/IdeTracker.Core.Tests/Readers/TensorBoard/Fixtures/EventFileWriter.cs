using System.Buffers.Binary;
using Google.Protobuf;
using IdeTracker.Core.Readers.TensorBoard;
using IdeTracker.Core.Tests.Readers.TensorBoard.Protos;

namespace IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;

/// <summary>Writes generated event files the way TensorFlow's record writer frames them (length, masked
/// CRC-32C of the length, data, masked CRC-32C of the data), with the Events serialized by Google.Protobuf
/// from the tests' own .proto. Everything written here is generated, not real data.</summary>
internal static class EventFileWriter
{
    /// <summary>One framed record.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> data)
    {
        var frame = new byte[12 + data.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(frame, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), Crc32C.Masked(frame.AsSpan(0, 8)));
        data.CopyTo(frame.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12 + data.Length), Crc32C.Masked(data));
        return frame;
    }

    public static byte[] Frame(Event e) => Frame(e.ToByteArray());

    public static byte[] Frames(IEnumerable<Event> events) => [.. events.SelectMany(Frame)];

    /// <summary>Writes the events to a new file and returns its path.</summary>
    public static string Write(string path, IEnumerable<Event> events)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Frames(events));
        return path;
    }

    public static void Append(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
        stream.Write(bytes);
    }
}
