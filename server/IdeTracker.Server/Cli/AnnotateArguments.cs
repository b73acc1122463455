namespace IdeTracker.Server.Cli;

/// <summary><c>annotate &lt;folder&gt; &lt;run&gt; [--star | --unstar] [--tag t]... [--untag t]... [--note "text" | --clear-note]
/// [--index &lt;file&gt;]</c>; <see cref="Run"/> is a run id, a unique prefix of one, or a run's exact name.</summary>
public sealed record AnnotateArguments(
    string Folder,
    string Run,
    bool? Starred,
    IReadOnlyList<string> AddTags,
    IReadOnlyList<string> RemoveTags,
    string? Note,
    string? IndexPath)
{
    /// <summary>Null with <paramref name="problem"/> set when the arguments do not make sense.</summary>
    public static AnnotateArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var positional = new List<string>();
        var add = new List<string>();
        var remove = new List<string>();
        bool? starred = null;
        string? note = null, index = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;

            switch (arg)
            {
                case "--star" or "--unstar":
                    if (starred is not null)
                    {
                        problem = "--star and --unstar: one of them, once";
                        return null;
                    }

                    starred = arg == "--star";
                    break;
                case "--tag" or "--untag" or "--note" or "--index":
                    if (Next() is not { } value)
                    {
                        problem = $"{arg} needs a value";
                        return null;
                    }

                    if (arg is "--note" && note is not null)
                    {
                        problem = "--note and --clear-note: one of them, once";
                        return null;
                    }

                    if (arg == "--tag")
                    {
                        add.Add(value);
                    }
                    else if (arg == "--untag")
                    {
                        remove.Add(value);
                    }
                    else if (arg == "--note")
                    {
                        note = value;
                    }
                    else
                    {
                        index = value;
                    }

                    break;
                case "--clear-note":
                    if (note is not null)
                    {
                        problem = "--note and --clear-note: one of them, once";
                        return null;
                    }

                    note = "";
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || positional.Count == 2)
                    {
                        problem = $"unexpected argument '{arg}'";
                        return null;
                    }

                    positional.Add(arg);
                    break;
            }
        }

        if (positional.Count < 2)
        {
            problem = "which folder and run? (annotate <folder> <run id, id prefix or name>)";
            return null;
        }

        if (!Directory.Exists(positional[0]))
        {
            problem = $"no such folder: {positional[0]}";
            return null;
        }

        if (starred is null && add.Count == 0 && remove.Count == 0 && note is null)
        {
            problem = "nothing to change: give --star, --unstar, --tag, --untag, --note or --clear-note";
            return null;
        }

        problem = null;
        return new AnnotateArguments(Path.GetFullPath(positional[0]), positional[1], starred, add, remove, note, index);
    }
}
