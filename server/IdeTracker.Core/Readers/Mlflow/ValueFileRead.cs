using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>A param or tag file as it was read: its key, its value (null when it could not be read) and its problems,
/// with the stamp it had (params are listed unstamped: <see cref="RunFile.Size"/> is -1 then).</summary>
internal sealed record ValueFileRead(RunFile File, string? Value, Problem[] Problems)
{
    /// <summary>Reads the file into <paramref name="values"/> and <paramref name="problems"/>, and keeps what it gave.</summary>
    public static ValueFileRead Read(RunFile file, Dictionary<string, string> values, List<Problem> problems)
    {
        var before = problems.Count;
        var value = TextFile.Read(file.Path, file.Size, problems);
        if (value is not null)
        {
            values[file.Key] = value;
        }

        return new ValueFileRead(file, value, problems.Count == before ? [] : [.. problems.GetRange(before, problems.Count - before)]);
    }

    /// <summary>Gives what the read gave, again.</summary>
    public void AddTo(Dictionary<string, string> values, List<Problem> problems)
    {
        if (Value is not null)
        {
            values[File.Key] = Value;
        }

        problems.AddRange(Problems);
    }
}
