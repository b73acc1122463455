using System.IO.Hashing;
using System.Runtime.InteropServices;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Index;

/// <summary>One number standing for a unit's file stamps, so a warm scan compares a unit with one integer
/// instead of loading every file row. Stamps are hashed one by one and summed, so their order does not matter.</summary>
public static class StampFingerprint
{
    public static long Of(IReadOnlyList<FileStamp> stamps)
    {
        ulong sum = (ulong)stamps.Count * 0x9E3779B97F4A7C15UL;
        Span<long> numbers = stackalloc long[2];
        foreach (var stamp in stamps)
        {
            var hash = new XxHash3();
            hash.Append(MemoryMarshal.AsBytes(stamp.Path.AsSpan()));
            numbers[0] = stamp.Size;
            numbers[1] = stamp.MtimeTicks;
            hash.Append(MemoryMarshal.AsBytes(numbers));
            sum += hash.GetCurrentHashAsUInt64();
        }

        return unchecked((long)sum);
    }
}
