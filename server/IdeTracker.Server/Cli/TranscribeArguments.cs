using System.Globalization;

namespace IdeTracker.Server.Cli;

/// <summary><c>transcribe &lt;audio file&gt; [--model &lt;path&gt;] [--language &lt;code&gt;] [--threads n] [--json]</c>.</summary>
public sealed record TranscribeArguments(string AudioPath, string? ModelPath, string Language, int Threads, bool Json)
{
    /// <summary>Null with <paramref name="problem"/> set when the arguments do not make sense.</summary>
    public static TranscribeArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? audio = null, model = null, language = null;
        var threads = 0;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--json":
                    json = true;
                    break;
                case "--model" or "--language" or "--threads":
                    if (Next() is not { Length: > 0 } value)
                    {
                        problem = $"{arg} needs a value";
                        return null;
                    }

                    if (arg == "--model")
                    {
                        model = value;
                    }
                    else if (arg == "--language")
                    {
                        language = value;
                    }
                    else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1)
                    {
                        problem = $"--threads takes a whole number of at least 1, not '{value}'";
                        return null;
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || audio is not null)
                    {
                        problem = $"unexpected argument '{arg}'";
                        return null;
                    }

                    audio = arg;
                    break;
            }
        }

        if (audio is null)
        {
            problem = "which audio file? (a WAV file)";
            return null;
        }

        problem = null;
        return new TranscribeArguments(audio, model, language ?? "en", threads, json);
    }
}
