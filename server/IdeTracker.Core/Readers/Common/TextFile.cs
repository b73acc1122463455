using System.Buffers;
using System.Text;
using System.Text.Unicode;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Reads the small UTF-8 files of a run folder (meta.yaml, params, tags) in one read, without a
/// FileStream and without keeping the bytes.</summary>
internal static class TextFile
{
    /// <summary>MLflow caps param and tag values at a few KB; anything this large is not a value.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>The file's text, or null with a problem added. <paramref name="size"/> is the size the
    /// stamp saw: reading stops there so the text matches the stamp. A negative size means the file was
    /// listed without a stamp; its size is then taken from the open file.</summary>
    public static string? Read(string path, long size, List<Problem> problems)
    {
        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (size < 0)
            {
                size = RandomAccess.GetLength(handle);
            }

            if (size > MaxBytes)
            {
                problems.Add(new Problem(path, 0,
                    $"is {ByteSizeText.Of(size)}, larger than the {ByteSizeText.OfLimit(MaxBytes)} a value file may have; skipped"));
                return null;
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(size, 1));
            var length = FileBytes.ReadFully(handle, buffer.AsSpan(0, (int)size), 0);
            return Decode(path, buffer.AsSpan(0, length), problems);
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>UTF-8 text with a leading BOM dropped; undecodable bytes become U+FFFD and one warning.</summary>
    public static string Decode(string path, ReadOnlySpan<byte> bytes, List<Problem> problems)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!Utf8.IsValid(bytes))
        {
            problems.Add(new Problem(path, 0, "is not valid UTF-8; undecodable bytes are shown as \uFFFD",
                ProblemSeverity.Warning));
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
