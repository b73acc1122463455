using System.Buffers.Binary;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Index;

/// <summary>The blob one metric series is stored as: a version byte, the point count as a varint, then per
/// point the zig-zag varint deltas of step and timestamp from the previous point and the value as 8 raw
/// little-endian bytes (so NaN, ±Infinity and -0 come back bit for bit). Deltas wrap, so any long works.</summary>
internal static class MetricSeriesCodec
{
    public const byte Version = 1;

    /// <summary>The fewest bytes a point can take: one per delta and the value.</summary>
    private const int MinPointLength = 1 + 1 + sizeof(double);

    private const int MaxVarintLength = 10;

    public static byte[] Encode(IReadOnlyList<MetricPoint> points)
    {
        byte[] buffer = [];
        return Encode(points, ref buffer).ToArray();
    }

    /// <summary>Encodes into <paramref name="buffer"/>, growing it when needed, so a writer can reuse one
    /// buffer for every series.</summary>
    public static ReadOnlySpan<byte> Encode(IReadOnlyList<MetricPoint> points, ref byte[] buffer)
    {
        var maxLength = 1 + MaxVarintLength + (points.Count * ((2 * MaxVarintLength) + sizeof(double)));
        if (buffer.Length < maxLength)
        {
            buffer = new byte[Math.Max(maxLength, buffer.Length * 2)];
        }

        var at = 0;
        buffer[at++] = Version;
        at += WriteVarint(buffer.AsSpan(at), (ulong)points.Count);
        long step = 0, time = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            at += WriteVarint(buffer.AsSpan(at), ZigZag(unchecked(point.Step - step)));
            at += WriteVarint(buffer.AsSpan(at), ZigZag(unchecked(point.TimestampMs - time)));
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at), point.Value);
            at += sizeof(double);
            step = point.Step;
            time = point.TimestampMs;
        }

        return buffer.AsSpan(0, at);
    }

    /// <summary>Throws <see cref="InvalidDataException"/> for anything but a whole blob of this version.</summary>
    public static MetricPoint[] Decode(ReadOnlySpan<byte> blob)
    {
        var points = new MetricPoint[PointCount(blob)];
        DecodeInto(blob, points);
        return points;
    }

    /// <summary>How many points the blob says it holds (checked against its length, so a damaged count
    /// cannot ask for a huge buffer).</summary>
    public static int PointCount(ReadOnlySpan<byte> blob)
    {
        var at = 1;
        return ReadHeader(blob, ref at);
    }

    /// <summary>Decodes into the first <see cref="PointCount"/> elements of <paramref name="target"/>, so a
    /// caller decoding many large series can reuse pooled buffers.</summary>
    public static void DecodeInto(ReadOnlySpan<byte> blob, Span<MetricPoint> target)
    {
        var at = 1;
        var count = ReadHeader(blob, ref at);
        ArgumentOutOfRangeException.ThrowIfLessThan(target.Length, count);
        long step = 0, time = 0;
        for (var i = 0; i < count; i++)
        {
            // Regular logs advance step and time by small amounts: one-byte deltas skip the varint loop.
            step = unchecked(step + UnZigZag(at < blob.Length && blob[at] < 0x80 ? blob[at++] : ReadVarint(blob, ref at)));
            time = unchecked(time + UnZigZag(at < blob.Length && blob[at] < 0x80 ? blob[at++] : ReadVarint(blob, ref at)));
            if (blob.Length - at < sizeof(double))
            {
                throw new InvalidDataException($"metric series blob is truncated at point {i} of {count}");
            }

            target[i] = new MetricPoint(step, time, BinaryPrimitives.ReadDoubleLittleEndian(blob.Slice(at, sizeof(double))));
            at += sizeof(double);
        }

        if (at != blob.Length)
        {
            throw new InvalidDataException($"metric series blob has {blob.Length - at} bytes after its {count} points");
        }
    }

    private static int ReadHeader(ReadOnlySpan<byte> blob, ref int at)
    {
        if (blob.IsEmpty)
        {
            throw new InvalidDataException("metric series blob is empty");
        }

        if (blob[0] != Version)
        {
            throw new InvalidDataException($"metric series blob has version {blob[0]}, expected {Version}");
        }

        var count = ReadVarint(blob, ref at);
        if (count > (ulong)((blob.Length - at) / MinPointLength))
        {
            throw new InvalidDataException($"metric series blob is truncated: {count} points cannot fit in {blob.Length} bytes");
        }

        return (int)count;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static int WriteVarint(Span<byte> target, ulong value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            target[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        target[at++] = (byte)value;
        return at;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> blob, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= blob.Length)
            {
                throw new InvalidDataException("metric series blob is truncated inside a number");
            }

            var b = blob[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("metric series blob has a number longer than 64 bits");
    }
}
