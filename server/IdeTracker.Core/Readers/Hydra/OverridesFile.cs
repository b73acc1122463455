using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Reads .hydra/overrides.yaml, a YAML list of "key=value" strings, when hydra.yaml did not give them.
/// Hydra writes one plain or quoted scalar per "- " line; anything else is a problem and is skipped.</summary>
internal static class OverridesFile
{
    private const long MaxBytes = 1024 * 1024;

    public static List<string> Read(string path, List<Problem> problems)
    {
        var overrides = new List<string>();
        if (!File.Exists(path))
        {
            return overrides;
        }

        var text = TextFile.Read(path, new FileInfo(path).Length, problems);
        if (text is null)
        {
            return overrides;
        }

        if (text.Length > MaxBytes)
        {
            problems.Add(new Problem(path, 0, "not read: over 1 MiB of overrides", ProblemSeverity.Warning));
            return overrides;
        }

        // Lines end at '\n' only, as YAML and editors count them (EnumerateLines would also split at \f or U+2028).
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.AsSpan().Trim();
            if (line.IsEmpty || line[0] == '#' || line.SequenceEqual("[]"))
            {
                continue;
            }

            if (!line.StartsWith("- "))
            {
                problems.Add(new Problem(path, lineNumber, "not a list item of the form \"- key=value\"", ProblemSeverity.Warning));
                continue;
            }

            overrides.Add(Unquote(line[2..].Trim().ToString()));
        }

        return overrides;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0]
            ? value[1..^1].Replace(value[0] == '\'' ? "''" : "\\\"", value[0].ToString(), StringComparison.Ordinal)
            : value;
}
