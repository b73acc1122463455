using System.Globalization;

namespace IdeTracker.Bench;

/// <summary>The command line: <c>[--runs N] [--out dir] [--only name,…]</c>, plus <c>--child scenario</c> which the
/// benchmark passes to itself to measure one scenario in a fresh process.</summary>
internal sealed record BenchOptions(int MlflowRuns, string OutDirectory, string? ChildScenario)
{
    public const int DefaultMlflowRuns = 10_000;

    /// <summary>Ten experiments and one Lightning version per ten MLflow runs need at least this many.</summary>
    public const int MinimumMlflowRuns = 10;

    public const string Usage = "usage: IdeTracker.Bench [--runs N] [--out <dir>] [--only mlflow,lightning,mixed,tfevents,wandb-log,live,series,filter,config-results,config-requests,configs,transcription]";

    public int LightningRuns => MlflowRuns / 10;

    /// <summary>The measurements <c>--only</c> named; null runs them all.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public bool Includes(string name) => Only is null || Only.Contains(name);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var runs = DefaultMlflowRuns;
        string? outDirectory = null;
        string? child = null;
        HashSet<string>? only = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--runs":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < MinimumMlflowRuns)
                    {
                        throw new ArgumentException($"--runs takes a whole number ≥ {MinimumMlflowRuns}, not '{value}'.");
                    }

                    break;
                case "--out":
                    outDirectory = value;
                    break;
                case "--only":
                    only = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "--child":
                    child = value;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'. {Usage}");
            }

            i++;
        }

        return new BenchOptions(runs, Path.GetFullPath(outDirectory ?? DefaultOutDirectory()), child) { Only = only };
    }

    /// <summary>Child processes get the same options back, so they find the same workspaces.</summary>
    public IReadOnlyList<string> ToChildArguments(string scenario) =>
        ["--runs", MlflowRuns.ToString(CultureInfo.InvariantCulture), "--out", OutDirectory, "--child", scenario];

    private static string DefaultOutDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "ide-tracker", "bench");
    }
}
