using System.Text;

namespace IdeTracker.Core.IO;

/// <summary>Writes a whole file so that a reader (git, an editor, a crash) sees the old file or the new one and never
/// half of either: the bytes go to a temp file in the same folder, flushed to disk, then renamed over the target.</summary>
public static class AtomicFile
{
    /// <summary>Temp files start with a dot and end in ".tmp": no watcher glob or folder read takes them for data.</summary>
    public const string TempSuffix = ".tmp";

    /// <exception cref="IOException">The folder cannot be written; no temp file is left behind.</exception>
    /// <exception cref="UnauthorizedAccessException">The same, for permissions.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text) => Write(path, new UTF8Encoding(false).GetBytes(text));

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder itself is what failed; there is no temp file to leave behind.
        }
    }
}
