using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>A file under a run's params/, metrics/ or tags/ folder as enumeration saw it. The key is the
/// path below that folder with '/' separators (MLflow stores "a/b" keys as sub-folders).</summary>
internal readonly record struct RunFile(string Path, int KeyStart, long Size, long MtimeTicks)
{
    public string Key => System.IO.Path.DirectorySeparatorChar == '/'
        ? Path[KeyStart..]
        : Path[KeyStart..].Replace(System.IO.Path.DirectorySeparatorChar, '/');

    public FileStamp Stamp => new(Path, Size, MtimeTicks);
}
