using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>A param or tag file as it was read: its key, its value (null when it could not be read) and its problems,
/// with the stamp it had (params are listed unstamped: <see cref="RunFile.Size"/> is -1 then).</summary>
internal sealed record ValueFileRead(RunFile File, string? Value, Problem[] Problems)
{
    /// <summary>Reads the file; <paramref name="scratch"/> is any list the caller reuses for the problems on their way.</summary>
    public static ValueFileRead Read(RunFile file, List<Problem> scratch)
    {
        scratch.Clear();
        var value = TextFile.Read(file.Path, file.Size, scratch);
        return new ValueFileRead(file, value, scratch.Count == 0 ? [] : [.. scratch]);
    }

    /// <summary>Gives the value and the problems, the same each time.</summary>
    public void AddTo(Dictionary<string, string> values, List<Problem> problems)
    {
        if (Value is not null)
        {
            values[File.Key] = Value;
        }

        problems.AddRange(Problems);
    }
}
