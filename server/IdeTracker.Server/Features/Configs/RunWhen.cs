using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>When a run happened, as cards say it: its end if known, else its start.</summary>
public static class RunWhen
{
    public static DateTimeOffset? Time(RunBrief run) => run.End ?? run.Start;

    /// <summary>"3 days ago"; null when the run has no times.</summary>
    public static string? Ago(RunBrief run, DateTimeOffset now) => Time(run) is { } t ? Labels.TimeAgo(t, now) : null;

    /// <summary>"finished 3 days ago", "started 3 days ago" (still running or never ended); null without times.</summary>
    public static string? Phrase(RunBrief run, DateTimeOffset now) =>
        run.End is { } end ? $"finished {Labels.TimeAgo(end, now)}"
        : run.Start is { } start ? $"started {Labels.TimeAgo(start, now)}"
        : null;
}
