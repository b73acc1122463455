using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Puts one run together from what the log and the small files said. Where both record a fact,
/// the files W&amp;B rewrote last win for values (config.yaml, wandb-summary.json) and the log wins for what
/// only it records reliably (run id, project, start, exit).</summary>
internal static class WandbRunBuilder
{
    public const string Source = "wandb";

    /// <summary>Experiment of a run whose project is not recorded (no log, or a log without its run record).</summary>
    public const string DefaultExperiment = "wandb";

    public static Run Build(RunUnit unit, WandbRunFolder folder, LogRead? log, WandbSideFiles files, DateTimeOffset now)
    {
        var facts = log?.State.Facts ?? new RunFacts();
        var metadata = files.Metadata;
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(unit.Path));
        var startTime = facts.StartTime ?? metadata?.StartedAt;
        var lastRecordedMs = log is null ? 0 : Math.Max(log.State.LastRecordedMs, log.State.History.LastTimestampMs);
        var status = WandbStatus.Of(facts.ExitCode, log?.Written, lastRecordedMs, now);
        var summary = Summary(log?.State, files);
        var gitCommit = metadata?.GitCommit ?? facts.GitCommit;
        var run = new Run
        {
            // The folder name, not the run id, makes the id: a resumed run writes a second folder with the same
            // run id, and the two must not overwrite each other in the index.
            Id = RunIds.Make(Source, PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), folderName),
            Source = Source,
            NativeId = facts.RunId ?? folder.FolderId,
            StorePath = unit.StorePath,
            ExperimentId = facts.Project,
            Experiment = facts.Project ?? DefaultExperiment,
            Name = facts.DisplayName ?? facts.RunId ?? folder.FolderId,
            Status = status,
            StartTime = startTime,
            EndTime = EndTime(status, facts, startTime, lastRecordedMs, log, summary),
            User = metadata?.Username ?? facts.Entity,
            Host = metadata?.Host ?? facts.Host,
            Command = Command(metadata),
            GitCommit = gitCommit,
            GitDirty = files.HasDiff ? true : null,
            Note = facts.Notes,
            Directory = unit.Path,
            MetricsFile = log is not null ? folder.Log!.FullName : folder.Summary.Exists ? folder.Summary.FullName : null,
        };

        AddParams(run, log?.State, files);
        AddTags(run, facts, metadata);
        AddEnvironment(run, facts, metadata, files);
        foreach (var (name, version) in files.Packages)
        {
            run.Packages[name] = version;
        }

        AddHistory(run, log?.State);
        AddSummaryValues(run, summary, log?.State.History.LastStep ?? -1);
        return run;
    }

    /// <summary>config.yaml when it gave params; otherwise the config the log recorded (a run killed early, a
    /// folder whose files/ was not kept).</summary>
    private static void AddParams(Run run, WandbLogState? state, WandbSideFiles files)
    {
        if (files.ConfigParams.Count > 0)
        {
            foreach (var (key, value) in files.ConfigParams)
            {
                run.Params[key] = value;
            }

            return;
        }

        foreach (var (key, valueJson) in state?.Config ?? [])
        {
            if (key != "_wandb" && !key.StartsWith("_wandb.", StringComparison.Ordinal))
            {
                JsonParams.Add(key, valueJson, run.Params);
            }
        }
    }

    private static void AddTags(Run run, RunFacts facts, WandbMetadata? metadata)
    {
        foreach (var tag in facts.Tags)
        {
            run.Tags[tag] = "";
        }

        // Facts W&B records beside its tags that people filter runs by.
        SetTag(run, "git.remote", metadata?.GitRemote ?? facts.GitRemote);
        SetTag(run, "wandb.entity", facts.Entity);
        SetTag(run, "wandb.group", facts.Group);
        SetTag(run, "wandb.job_type", facts.JobType);
        SetTag(run, "wandb.sweep_id", facts.SweepId);
    }

    private static void SetTag(Run run, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            run.Tags[key] = value;
        }
    }

    /// <summary>wandb-metadata.json first (it is the fullest account), then config.yaml's "_wandb", then the
    /// log's telemetry, each filling only what the one before left open.</summary>
    private static void AddEnvironment(Run run, RunFacts facts, WandbMetadata? metadata, WandbSideFiles files)
    {
        foreach (var (key, value) in metadata?.Environment ?? [])
        {
            run.Environment[key] = value;
        }

        foreach (var (key, value) in files.ConfigEnvironment)
        {
            run.Environment.TryAdd(key, value);
        }

        if (facts.PythonVersion is { } python)
        {
            run.Environment.TryAdd("python", python);
        }

        if (facts.CliVersion is { } cli)
        {
            run.Environment.TryAdd("wandb", cli);
        }

        if (facts.HuggingfaceVersion is { } huggingface)
        {
            run.Environment.TryAdd("huggingface", huggingface);
        }
    }

    /// <summary>The series the log built go into the run as they are (a later resumed read appends to them).</summary>
    private static void AddHistory(Run run, WandbLogState? state)
    {
        if (state is null)
        {
            return;
        }

        foreach (var (key, series) in state.History.Metrics)
        {
            run.Metrics[key] = series;
        }

        foreach (var (key, media) in state.History.Media)
        {
            run.Media.Add(new RunMedia(key, media.Kind, media.Count, media.LastStep));
        }
    }

    /// <summary>The summary's last values become one-point metrics for keys the history has no series for
    /// (the corpus has killed runs whose summary outlived their log), and its media keys are listed likewise.
    /// The point sits at the summary's "_step", or else after the history's last step.</summary>
    private static void AddSummaryValues(Run run, List<KeyValuePair<string, JsonValue>> summary, long lastHistoryStep)
    {
        var step = Number(summary, "_step") is { } s && double.IsInteger(s) && Math.Abs(s) < 9.2e18 ? (long)s : Math.Max(lastHistoryStep, 0);
        var timestampMs = Number(summary, "_timestamp") is { } t && double.IsFinite(t) ? (long)Math.Clamp(t * 1000, long.MinValue, long.MaxValue) : 0;
        var mediaKeys = run.Media.Select(m => m.Tag).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in summary)
        {
            if (KeySlot.RoleOf(key) != KeyRole.Metric)
            {
                continue;
            }

            if (value.TryGetScalar(out var number))
            {
                AddSummaryPoint(run, key, new MetricPoint(step, timestampMs, number));
            }
            else if (value.Kind == JsonKind.Object)
            {
                LoggedObject.Visit(
                    key,
                    value,
                    (leafKey, leaf) => AddSummaryPoint(run, leafKey, new MetricPoint(step, timestampMs, leaf)),
                    (mediaKey, kind) =>
                    {
                        if (mediaKeys.Add(mediaKey))
                        {
                            run.Media.Add(new RunMedia(mediaKey, kind, 1, step));
                        }
                    });
            }
        }
    }

    private static void AddSummaryPoint(Run run, string key, MetricPoint point) => run.Metrics.TryAdd(key, [point]);

    /// <summary>The log's summary updates, then wandb-summary.json's members over them (W&amp;B writes the file
    /// from the same summary, and it is the later word when a run was killed before its log caught up).</summary>
    private static List<KeyValuePair<string, JsonValue>> Summary(WandbLogState? state, WandbSideFiles files)
    {
        var merged = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        foreach (var (key, valueJson) in state?.Summary ?? [])
        {
            if (LenientJson.Parse(System.Text.Encoding.UTF8.GetBytes(valueJson)) is { } value)
            {
                merged[key] = value;
            }
        }

        foreach (var (key, value) in files.Summary)
        {
            merged[key] = value;
        }

        return [.. merged];
    }

    private static double? Number(List<KeyValuePair<string, JsonValue>> summary, string key)
    {
        for (var i = summary.Count - 1; i >= 0; i--)
        {
            if (summary[i].Key == key && summary[i].Value.Kind == JsonKind.Number)
            {
                return summary[i].Value.Number;
            }
        }

        return null;
    }

    /// <summary>A finished or failed run ended at its start plus the exit record's runtime, or at the last time
    /// it recorded if that is later (the runtime is in whole seconds). A killed run ended when it last recorded
    /// anything. A run without a log ended, as far as anyone knows, at its summary's last "_timestamp".</summary>
    private static DateTimeOffset? EndTime(RunStatus status, RunFacts facts, DateTimeOffset? start, long lastRecordedMs, LogRead? log, List<KeyValuePair<string, JsonValue>> summary)
    {
        var lastRecorded = lastRecordedMs > 0 ? UnixTime.FromMilliseconds(lastRecordedMs) : null;
        switch (status)
        {
            case RunStatus.Finished or RunStatus.Failed:
                var byRuntime = start is { } s ? UnixTime.FromMilliseconds(s.ToUnixTimeMilliseconds() + (facts.ExitRuntimeSeconds * 1000L)) : null;
                return byRuntime is null ? lastRecorded : lastRecorded is null ? byRuntime : Max(byRuntime.Value, lastRecorded.Value);
            case RunStatus.Killed:
                return lastRecorded ?? log?.Written;
            case RunStatus.Unknown when Number(summary, "_timestamp") is { } t:
                return UnixTime.FromSeconds(t);
            default:
                return null;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The program and its arguments as one line, arguments with spaces or quotes quoted.</summary>
    private static string? Command(WandbMetadata? metadata)
    {
        if (metadata?.Program is not { } program)
        {
            return null;
        }

        return string.Join(' ', new[] { program }.Concat(metadata.Args).Select(Quote));
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
