namespace IdeTracker.Server.Cli;

public sealed record ScanArguments(
    string Folder,
    bool Json,
    string? IndexPath,
    IReadOnlyList<string> Excludes,
    string? Metric,
    string? Direction)
{
    /// <summary>Null with <paramref name="problem"/> set when the arguments do not make sense. <paramref name="verb"/>
    /// names the command in that message.</summary>
    public static ScanArguments? Parse(IReadOnlyList<string> args, out string? problem, string verb = "scan")
    {
        string? folder = null, index = null, metric = null, direction = null;
        var json = false;
        var excludes = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Next(out string? p)
            {
                p = null;
                if (i + 1 < args.Count)
                {
                    return args[++i];
                }

                p = $"{arg} needs a value";
                return null;
            }

            switch (arg)
            {
                case "--json":
                    json = true;
                    break;
                case "--index":
                    index = Next(out problem);
                    if (index is null) return null;
                    break;
                case "--exclude":
                    var glob = Next(out problem);
                    if (glob is null) return null;
                    excludes.Add(glob);
                    break;
                case "--metric":
                    metric = Next(out problem);
                    if (metric is null) return null;
                    break;
                case "--direction":
                    direction = Next(out problem);
                    if (direction is not ("max" or "min"))
                    {
                        problem = "--direction is max or min";
                        return null;
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || folder is not null)
                    {
                        problem = $"unexpected argument '{arg}'";
                        return null;
                    }

                    folder = arg;
                    break;
            }
        }

        if (folder is null)
        {
            problem = $"which folder? ({verb} <folder>)";
            return null;
        }

        if (!Directory.Exists(folder))
        {
            problem = $"no such folder: {folder}";
            return null;
        }

        problem = null;
        return new ScanArguments(Path.GetFullPath(folder), json, index, excludes, metric, direction);
    }
}
