namespace IdeTracker.Server.Cli;

/// <summary>The command-line verbs of the same executable that serves LSP.</summary>
public static class CliCommands
{
    public const string Usage = """
        ide-tracker — experiment runs, indexed.

        Usage:
          ide-tracker [--stdio]                      serve LSP over stdio (what the VS Code extension runs)
          ide-tracker scan <folder> [options]        index a folder and list its runs
          ide-tracker annotate <folder> <run> [options]
                                                     star, tag or note a run (id, unique id prefix or exact name);
                                                     writes <folder>/.ide-tracker/runs/<run id>.json

        Options for scan:
          --json                 print a JSON array, one object per run
          --index <file>         index database to use (default: the user's cache folder)
          --exclude <glob>       skip folders matching the glob (repeatable), e.g. "data/**"
          --metric <name>        the main metric to show (default: inferred from the runs)
          --direction <max|min>  whether the main metric is better higher (max) or lower (min)

        Options for annotate:
          --star | --unstar      star the run, or take its star away
          --tag <tag>            add a tag (repeatable)
          --untag <tag>          remove a tag (repeatable)
          --note <text>          set the note; --clear-note removes it
          --index <file>         index database to use (default: the user's cache folder)
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return 0;
        }

        if (args[0] == "scan")
        {
            var parsed = ScanArguments.Parse(args[1..], out var problem);
            if (parsed is null)
            {
                error.WriteLine($"ide-tracker scan: {problem}");
                error.WriteLine(Usage);
                return 2;
            }

            return ScanCommand.Run(parsed, output, error);
        }

        if (args[0] == "annotate")
        {
            var parsed = AnnotateArguments.Parse(args[1..], out var problem);
            if (parsed is null)
            {
                error.WriteLine($"ide-tracker annotate: {problem}");
                error.WriteLine(Usage);
                return 2;
            }

            return AnnotateCommand.Run(parsed, output, error);
        }

        error.WriteLine($"ide-tracker: unknown command '{args[0]}'");
        error.WriteLine(Usage);
        return 2;
    }
}
