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

        if (args[0] == "runs")
        {
            var parsed = RunsArguments.Parse(args[1..], out var problem);
            if (parsed is null)
            {
                error.WriteLine($"ide-tracker runs: {problem}");
                error.WriteLine(Usage);
                return 2;
            }

            return RunsCommand.Run(parsed, output, error);
        }

        error.WriteLine($"ide-tracker: unknown command '{args[0]}'");
        error.WriteLine(Usage);
        return 2;
    }
}
