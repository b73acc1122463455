using System.IO.Hashing;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>A fingerprint of the bytes a read took from a log: the first <see cref="HeadBytes"/> and the last
/// <see cref="TailBytes"/> before where it stopped. A file that still starts and continues the same way up to
/// there has only grown since; one rewritten, truncated or replaced has not.</summary>
internal sealed record FileHead(long Offset, ulong Head, ulong Tail)
{
    public const int HeadBytes = 64 * 1024;
    public const int TailBytes = 4 * 1024;

    public static FileHead Of(FileStream stream, long offset)
    {
        var headLength = (int)Math.Min(offset, HeadBytes);
        var tailLength = (int)Math.Min(offset, TailBytes);
        return new FileHead(offset, Hash(stream, 0, headLength), Hash(stream, offset - tailLength, tailLength));
    }

    /// <summary>True when the file is at least as long as the offset and its bytes there are the ones fingerprinted.</summary>
    public bool Matches(FileStream stream) => stream.Length >= Offset && Of(stream, Offset) == this;

    private static ulong Hash(FileStream stream, long from, int length)
    {
        var buffer = new byte[length];
        stream.Position = from;
        var read = stream.ReadAtLeast(buffer, length, throwOnEndOfStream: false);
        return XxHash64.HashToUInt64(buffer.AsSpan(0, read));
    }
}
