using System.Globalization;

namespace IdeTracker.Server.Cli;

/// <summary><c>runs &lt;folder&gt; [--where expr] [--sort key] [--limit N]</c> plus every option of <c>scan</c>.</summary>
public sealed record RunsArguments(ScanArguments Scan, string? Where, string? Sort, int? Limit)
{
    /// <summary>Null with <paramref name="problem"/> set when the arguments do not make sense.</summary>
    public static RunsArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? where = null, sort = null;
        int? limit = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("--where" or "--sort" or "--limit"))
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"{args[i]} needs a value";
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--where":
                    where = value;
                    break;
                case "--sort":
                    sort = value;
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        problem = $"--limit takes a whole number of at least 1, not '{value}'";
                        return null;
                    }

                    limit = n;
                    break;
            }
        }

        var scan = ScanArguments.Parse(rest, out problem, "runs");
        return scan is null ? null : new RunsArguments(scan, where, sort, limit);
    }
}
