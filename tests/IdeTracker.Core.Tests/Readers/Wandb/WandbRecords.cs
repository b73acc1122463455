using Google.Protobuf.WellKnownTypes;
using IdeTracker.Core.Readers.Wandb.Proto;
using Record = IdeTracker.Core.Readers.Wandb.Proto.Record;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>Generated records of every kind the reader looks at, built with the generated classes.</summary>
internal static class WandbRecords
{
    public static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, 250, TimeSpan.Zero);

    public static Record Header() => new() { Header = new HeaderRecord() };

    public static Record Run(string id, string project = "demo", string? displayName = null, string[]? tags = null, string? notes = null,
        (string Key, string Json)[]? config = null, string? commit = null, string? remote = null)
    {
        var run = new RunRecord
        {
            RunId = id,
            Project = project,
            Entity = "team",
            DisplayName = displayName ?? "",
            Notes = notes ?? "",
            Host = "gpu-box",
            RunGroup = "sweep-a",
            JobType = "train",
            StartTime = Timestamp.FromDateTimeOffset(Start),
            Config = Config(config ?? []).Config,
        };
        run.Tags.Add(tags ?? []);
        if (commit is not null || remote is not null)
        {
            run.Git = new GitRepoRecord { Commit = commit ?? "", RemoteUrl = remote ?? "" };
        }

        return new Record { Run = run };
    }

    public static Record Telemetry(string python = "3.11.4", string cli = "0.16.1") =>
        new() { Telemetry = new TelemetryRecord { PythonVersion = python, CliVersion = cli } };

    public static Record Config(params (string Key, string Json)[] items)
    {
        var config = new ConfigRecord();
        config.Update.Add(items.Select(i => new HistoryItem { Key = i.Key, ValueJson = i.Json }));
        return new Record { Config = config };
    }

    /// <summary>A row as W&amp;B writes it: the values, then _timestamp, _runtime and _step, and the HistoryStep.</summary>
    public static Record History(long step, double seconds, params (string Key, string Json)[] values)
    {
        var history = new HistoryRecord { Step = new HistoryStep { Num = step } };
        history.Item.Add(values.Select(v => new HistoryItem { Key = v.Key, ValueJson = v.Json }));
        history.Item.Add(new HistoryItem { Key = "_timestamp", ValueJson = Seconds(seconds) });
        history.Item.Add(new HistoryItem { Key = "_runtime", ValueJson = Seconds(seconds - Start.ToUnixTimeMilliseconds() / 1000.0) });
        history.Item.Add(new HistoryItem { Key = "_step", ValueJson = step.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Record { History = history };
    }

    public static Record NestedHistory(long step, string[] nestedKey, string json)
    {
        var history = new HistoryRecord { Step = new HistoryStep { Num = step } };
        var item = new HistoryItem { ValueJson = json };
        item.NestedKey.Add(nestedKey);
        history.Item.Add(item);
        return new Record { History = history };
    }

    public static Record Summary(params (string Key, string Json)[] items)
    {
        var summary = new SummaryRecord();
        summary.Update.Add(items.Select(i => new HistoryItem { Key = i.Key, ValueJson = i.Json }));
        return new Record { Summary = summary };
    }

    public static Record Output(DateTimeOffset at, string line) =>
        new() { OutputRaw = new OutputRecord { OutputType = 1, Timestamp = Timestamp.FromDateTimeOffset(at), Line = line } };

    public static Record Stats(DateTimeOffset at)
    {
        var stats = new StatsRecord { Timestamp = Timestamp.FromDateTimeOffset(at) };
        stats.Item.Add(new StatsItem { Key = "cpu", ValueJson = "12.5" });
        return new Record { Stats = stats };
    }

    public static Record Exit(int code, int runtimeSeconds) => new() { Exit = new RunExitRecord { ExitCode = code, Runtime = runtimeSeconds } };

    public static Record Final() => new() { Final = new FinalRecord() };

    public static Record Footer() => new() { Footer = new FooterRecord() };

    public static double SecondsAfterStart(double seconds) => (Start.ToUnixTimeMilliseconds() / 1000.0) + seconds;

    private static string Seconds(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
