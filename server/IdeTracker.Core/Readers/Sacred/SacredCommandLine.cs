using System.Text;
using System.Text.Json;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>The command line a Sacred run was started with, rebuilt from run.json: the main file, then what
/// meta.options (docopt's view of the command line) says was given — the command when one was named, every
/// option that was set ("--name=x", "--debug"), and "with" followed by the config updates as typed.</summary>
internal static class SacredCommandLine
{
    public static string? From(string? mainFile, JsonElement meta)
    {
        var words = new List<string>();
        if (!string.IsNullOrEmpty(mainFile))
        {
            words.Add(Quote(mainFile));
        }

        if (meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            AddOptions(options, words);
        }

        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static void AddOptions(JsonElement options, List<string> words)
    {
        if (options.TryGetProperty("COMMAND", out var command) && command.ValueKind == JsonValueKind.String)
        {
            words.Add(Quote(command.GetString()!));
        }

        foreach (var option in options.EnumerateObject())
        {
            if (!option.Name.StartsWith('-'))
            {
                continue;
            }

            switch (option.Value.ValueKind)
            {
                case JsonValueKind.True:
                    words.Add(option.Name);
                    break;
                case JsonValueKind.String or JsonValueKind.Number:
                    words.Add(option.Name + "=" + Quote(JsonPickleFlattener.TextOf(option.Value)));
                    break;
                case JsonValueKind.Array:
                    foreach (var item in option.Value.EnumerateArray())
                    {
                        words.Add(option.Name + "=" + Quote(JsonPickleFlattener.TextOf(item)));
                    }

                    break;
            }
        }

        var updates = options.TryGetProperty("UPDATE", out var u) && u.ValueKind == JsonValueKind.Array
            ? u.EnumerateArray().Select(JsonPickleFlattener.TextOf).ToList()
            : [];
        if (updates.Count > 0 || (options.TryGetProperty("with", out var with) && with.ValueKind == JsonValueKind.True))
        {
            words.Add("with");
            words.AddRange(updates.Select(Quote));
        }
    }

    /// <summary>A word as a POSIX shell would need it: bare when it is plain, else in single quotes.</summary>
    private static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)))
        {
            return word;
        }

        var quoted = new StringBuilder("'");
        foreach (var c in word)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }
}
