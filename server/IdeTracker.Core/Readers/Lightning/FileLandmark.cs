using Microsoft.Win32.SafeHandles;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>Bytes a read saw at an offset of a file: if the file no longer has them there, it was rewritten.</summary>
internal readonly record struct FileLandmark(long At, byte[] Bytes)
{
    public static readonly FileLandmark None = new(0, []);

    /// <summary>The first <paramref name="most"/> bytes of <paramref name="bytes"/>, which the file holds from <paramref name="at"/> on.</summary>
    public static FileLandmark Head(long at, ReadOnlySpan<byte> bytes, int most) => new(at, bytes[..Math.Min(most, bytes.Length)].ToArray());

    public bool StillIn(SafeFileHandle file)
    {
        if (Bytes.Length == 0)
        {
            return true;
        }

        var now = new byte[Bytes.Length];
        var read = RandomAccess.Read(file, now, At);
        BytesReadProbe.Add(read);
        return read == Bytes.Length && now.AsSpan().SequenceEqual(Bytes);
    }
}
