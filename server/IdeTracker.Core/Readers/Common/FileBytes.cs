using Microsoft.Win32.SafeHandles;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Positional reads that fill what they are given: one read may return less than asked of a file still
/// being written, or of a large span.</summary>
internal static class FileBytes
{
    /// <summary>Reads from <paramref name="offset"/> until <paramref name="into"/> is full or the file ends; returns
    /// how many bytes were read.</summary>
    public static int ReadFully(SafeFileHandle handle, Span<byte> into, long offset)
    {
        var total = 0;
        while (total < into.Length)
        {
            var n = RandomAccess.Read(handle, into[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
