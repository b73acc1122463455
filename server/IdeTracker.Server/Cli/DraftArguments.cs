namespace IdeTracker.Server.Cli;

/// <summary><c>draft &lt;run folder or id&gt; --transcript &lt;file&gt; [--workspace &lt;folder&gt;] [--index &lt;file&gt;]
/// [--plots &lt;folder&gt;]</c>. The workspace defaults to the current folder, the plots folder to the transcript's.</summary>
public sealed record DraftArguments(string Run, string TranscriptPath, string Workspace, string? IndexPath, string PlotsFolder)
{
    /// <summary>Null with <paramref name="problem"/> set when the arguments do not make sense or name files that are not there.</summary>
    public static DraftArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? run = null, transcript = null, workspace = null, index = null, plots = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--transcript" or "--workspace" or "--index" or "--plots":
                    if (i + 1 >= args.Count)
                    {
                        problem = $"{arg} needs a value";
                        return null;
                    }

                    var value = args[++i];
                    if (arg == "--transcript")
                    {
                        transcript = value;
                    }
                    else if (arg == "--workspace")
                    {
                        workspace = value;
                    }
                    else if (arg == "--index")
                    {
                        index = value;
                    }
                    else
                    {
                        plots = value;
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || run is not null)
                    {
                        problem = $"unexpected argument '{arg}'";
                        return null;
                    }

                    run = arg;
                    break;
            }
        }

        if (run is null)
        {
            problem = "which run? (draft <run folder or id> --transcript <file>)";
            return null;
        }

        if (transcript is null)
        {
            problem = "--transcript <file> is required: the note's text to draft from";
            return null;
        }

        if (!File.Exists(transcript))
        {
            problem = $"{Path.GetFullPath(transcript)}: no such transcript file";
            return null;
        }

        workspace ??= Directory.GetCurrentDirectory();
        if (!Directory.Exists(workspace))
        {
            problem = $"no such workspace folder: {workspace}";
            return null;
        }

        var transcriptPath = Path.GetFullPath(transcript);
        problem = null;
        return new DraftArguments(
            run,
            transcriptPath,
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspace)),
            index,
            Path.GetFullPath(plots ?? Path.GetDirectoryName(transcriptPath)!));
    }
}
