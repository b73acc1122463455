using System.Globalization;
using IdeTracker.Core.Presentation;
using IdeTracker.Core.Speech.Synthetic;

namespace IdeTracker.Server.Cli;

/// <summary>Hidden verb for tests and the bench, left out of the usage text:
/// <c>ide-tracker synthetic-model &lt;out&gt; [--shape micro|tiny.en] [--seed n]</c> writes a random-weight ggml Whisper
/// model (real structure, nonsense transcripts).</summary>
public static class SyntheticModelCommand
{
    public const string Verb = "synthetic-model";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? path = null;
        var shape = SyntheticModelShape.Micro;
        var seed = 1;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--shape" when value is "micro" or "tiny.en":
                    shape = value == "micro" ? SyntheticModelShape.Micro : SyntheticModelShape.TinyEn;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case var positional when !positional.StartsWith("--", StringComparison.Ordinal) && path is null:
                    path = positional;
                    break;
                default:
                    error.WriteLine($"ide-tracker {Verb}: unexpected '{args[i]}'; usage: ide-tracker {Verb} <out> [--shape micro|tiny.en] [--seed n]");
                    return 2;
            }
        }

        if (path is null)
        {
            error.WriteLine($"ide-tracker {Verb}: which file to write? usage: ide-tracker {Verb} <out> [--shape micro|tiny.en] [--seed n]");
            return 2;
        }

        SyntheticWhisperModel.Write(path, shape, seed);
        output.WriteLine($"Wrote {Path.GetFullPath(path)} ({shape}, seed {seed}, {Labels.Count(new FileInfo(path).Length, "byte")}).");
        return 0;
    }
}
