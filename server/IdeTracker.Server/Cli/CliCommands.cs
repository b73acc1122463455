namespace IdeTracker.Server.Cli;

/// <summary>The command-line verbs of the same executable that serves LSP.</summary>
public static class CliCommands
{
    public const string Usage = """
        ide-tracker — experiment runs, indexed.

        Usage:
          ide-tracker [--stdio]                      serve LSP over stdio (what the VS Code extension runs)
          ide-tracker scan <folder> [options]        index a folder and list its runs
          ide-tracker runs <folder> [options]        index a folder and list the runs a filter selects
          ide-tracker annotate <folder> <run> [options]
                                                     star, tag or note a run (id, unique id prefix or exact name);
                                                     writes <folder>/.ide-tracker/runs/<run id>.json
          ide-tracker draft <run folder or id> --transcript <file> [options]
                                                     print a README draft of the run from a note's transcript
          ide-tracker transcribe <audio file> [options]
                                                     transcribe a WAV file locally with Whisper and print the text

        Options for scan and runs:
          --json                 print a JSON array, one object per run
          --index <file>         index database to use (default: the user's cache folder)
          --exclude <glob>       skip folders matching the glob (repeatable), e.g. "data/**"
          --metric <name>        the main metric to show (default: inferred from the runs)
          --direction <max|min>  whether the main metric is better higher (max) or lower (min)

        Options for runs:
          --where "<filter>"     e.g. "lr < 0.01 and (optimizer = adam or optimizer = sgd) and tag:baseline and since:7d";
                                 bare names are params or metrics (params.x / metrics.x force one), run fields
                                 name, experiment, label, user, host, command, commit, note take = != ~ !~;
                                 terms status:, source:, tag:, since:, before:, starred; not, and, or, ( )
          --sort [-]<key>        start (default -start), end, duration, name, status, experiment, a param or metric
          --limit <n>            list at most n runs

        Options for annotate:
          --star | --unstar      star the run, or take its star away
          --tag <tag>            add a tag (repeatable)
          --untag <tag>          remove a tag (repeatable)
          --note <text>          set the note; --clear-note removes it
          --index <file>         index database to use (default: the user's cache folder)

        Options for draft (the run: its folder or one inside it, an id, unique id prefix or exact name):
          --transcript <file>    the note's text (required)
          --workspace <folder>   the workspace to index (default: the current folder)
          --index <file>         index database to use (default: the user's cache folder)
          --plots <folder>       where the plot images go (default: the transcript's folder)

        Options for transcribe:
          --model <path>         a ggml Whisper model file, or a folder holding ggml-tiny.en.bin
                                 (default: the user's cache folder, ide-tracker/models)
          --language <code>      the spoken language, e.g. en, de, or auto (default: en)
          --threads <n>          threads for whisper.cpp (default: one per core, at most 8)
          --json                 print the segments with start and end times in ms, the language and audio length
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return 0;
        }

        return args[0] switch
        {
            "scan" => Verb("scan", args, (IReadOnlyList<string> a, out string? p) => ScanArguments.Parse(a, out p), parsed => ScanCommand.Run(parsed, output, error), error),
            "runs" => Verb("runs", args, RunsArguments.Parse, parsed => RunsCommand.Run(parsed, output, error), error),
            "transcribe" => Verb("transcribe", args, TranscribeArguments.Parse, parsed => TranscribeCommand.Run(parsed, output, error), error),
            SyntheticModelCommand.Verb => SyntheticModelCommand.Run(args[1..], output, error),
            "annotate" => Verb("annotate", args, AnnotateArguments.Parse, parsed => AnnotateCommand.Run(parsed, output, error), error),
            "draft" => Verb("draft", args, DraftArguments.Parse, parsed => DraftCommand.Run(parsed, output, error), error),
            _ => Unknown(args[0], error),
        };
    }

    private delegate T? Parser<T>(IReadOnlyList<string> args, out string? problem)
        where T : class;

    /// <summary>Parses a verb's arguments and runs it; arguments that do not parse print why and the usage (exit 2).</summary>
    private static int Verb<T>(string name, string[] args, Parser<T> parse, Func<T, int> run, TextWriter error)
        where T : class
    {
        var parsed = parse(args[1..], out var problem);
        if (parsed is null)
        {
            error.WriteLine($"ide-tracker {name}: {problem}");
            error.WriteLine(Usage);
            return 2;
        }

        return run(parsed);
    }

    private static int Unknown(string verb, TextWriter error)
    {
        error.WriteLine($"ide-tracker: unknown command '{verb}'");
        error.WriteLine(Usage);
        return 2;
    }
}
