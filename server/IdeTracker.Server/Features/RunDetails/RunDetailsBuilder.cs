using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.RunDetails;

/// <summary>Turns the index's record of a run into <c>ideTracker/runDetails</c>, with the Markdown tooltip the
/// tree shows: status and times, params, metric summaries, git commit, note.</summary>
public sealed class RunDetailsBuilder
{
    private const int MaxTooltipRows = 25;
    private const int MaxNoteInTooltip = 1000;
    private readonly string _workspaceRoot;
    private readonly MetricChoice? _mainMetric;
    private readonly DateTimeOffset _now;

    public RunDetailsBuilder(string workspaceRoot, MetricChoice? mainMetric, DateTimeOffset now)
    {
        _workspaceRoot = workspaceRoot;
        _mainMetric = mainMetric;
        _now = now;
    }

    /// <param name="annotation">The run's annotation, if it has one whose file parses.</param>
    public RunDetailsResult Build(RunDetailsRow details, AnnotationRow? annotation = null)
    {
        var run = details.Run;
        var duration = Labels.RunDuration(run.StartTime, run.EndTime);
        var main = _mainMetric is not null && details.Metrics.TryGetValue(_mainMetric.Key, out var summary)
            ? MainMetricValues.Of(_mainMetric, summary)
            : null;
        return new RunDetailsResult
        {
            Id = run.Id,
            NativeId = details.NativeId,
            Name = run.Name,
            Source = run.Source,
            Store = PathText.RelativeOrSelf(_workspaceRoot, details.StorePath),
            Experiment = run.Experiment,
            ParentId = run.ParentId,
            Status = run.Status.ToWire(),
            StartTime = run.StartTime is { } start ? Labels.Iso(start) : null,
            EndTime = run.EndTime is { } end ? Labels.Iso(end) : null,
            Duration = duration,
            TimeAgo = run.StartTime is { } ago ? Labels.TimeAgo(ago, _now) : null,
            User = details.User,
            Host = details.Host,
            Command = details.Command,
            GitCommit = details.GitCommit,
            GitDirty = details.GitDirty,
            Note = details.Note,
            Label = run.Label,
            Live = run.IsLive(_now, Indexing.IndexingService.LiveWindow),
            Path = run.Directory,
            MetricsFile = details.MetricsFile,
            Params = details.Params,
            Metrics = details.Metrics.ToDictionary(kv => kv.Key, kv => MetricSummaryDto.From(kv.Value), StringComparer.Ordinal),
            Tags = details.Tags,
            Packages = details.Packages,
            Environment = details.Environment,
            Media = [.. details.Media.Select(m => new RunMediaDto(m.Tag, m.Kind, m.Count, m.LastStep))],
            DataInputs = [.. details.DataInputs.Select(d => new DataInputDto(d.Path, d.Digest, d.Size, d.Files))],
            MainMetric = main,
            Tooltip = Tooltip(details, duration, annotation),
            Annotation = annotation is null ? null : new AnnotationDto
            {
                RunId = annotation.RunId,
                Starred = annotation.Starred,
                Tags = annotation.Tags,
                Note = annotation.Note,
                File = annotation.File,
            },
            Gone = run.Gone ? true : null,
        };
    }

    private string Tooltip(RunDetailsRow details, string? duration, AnnotationRow? annotation)
    {
        var run = details.Run;
        var md = new StringBuilder();
        if (annotation?.Starred == true)
        {
            md.Append("★ ");
        }

        md.Append("**").Append(MarkdownText.Escape(run.Name)).Append("** · ").Append(run.Status.ToWire());
        md.Append(" · ").Append(MarkdownText.Escape(SourceNames.Display(run.Source)));
        if (run.Experiment is not null)
        {
            md.Append(" · ").Append(MarkdownText.Escape(run.Experiment));
        }

        md.Append("\n\n");
        AppendAnnotation(md, run, annotation);
        if (run.Label is { Length: > 0 } label)
        {
            md.Append(MarkdownText.Escape(label.Length > 200 ? label[..200] + "…" : label)).Append("  \n");
        }

        if (run.StartTime is { } start)
        {
            md.Append("Started ").Append(Labels.TimeAgo(start, _now));
            if (duration is not null)
            {
                md.Append(", ran ").Append(duration);
            }

            md.Append("  \n");
        }

        if (details.GitCommit is { } commit)
        {
            md.Append("Commit ").Append(MarkdownText.Code(commit.Length > 12 ? commit[..12] : commit));
            if (details.GitDirty == true)
            {
                md.Append(" (uncommitted changes)");
            }

            md.Append("  \n");
        }

        if (EnvironmentLine(details) is { } environment)
        {
            md.Append(environment).Append("  \n");
        }

        if (details.Note is { Length: > 0 } note)
        {
            md.Append("\n> ").Append(MarkdownText.Escape(note.Length > 300 ? note[..300] + "…" : note)).Append("\n");
        }

        if (details.Metrics.Count > 0)
        {
            md.Append("\n| metric | last | min | max | steps |\n|---|---:|---:|---:|---:|\n");
            foreach (var (key, m) in details.Metrics.OrderBy(kv => kv.Key != _mainMetric?.Key).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxTooltipRows))
            {
                md.Append('|').Append(MarkdownText.Escape(key)).Append('|').Append(Labels.Metric(m.Last))
                    .Append('|').Append(Labels.Metric(m.Min)).Append('|').Append(Labels.Metric(m.Max))
                    .Append('|').Append(m.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append("|\n");
            }

            AppendMore(md, details.Metrics.Count, "metric");
        }

        if (details.Params.Count > 0)
        {
            md.Append("\n| param | value |\n|---|---|\n");
            foreach (var (key, value) in details.Params.OrderBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxTooltipRows))
            {
                var shown = value.Length > 80 ? value[..80] + "…" : value;
                md.Append('|').Append(MarkdownText.Escape(key)).Append('|').Append(MarkdownText.Escape(shown)).Append("|\n");
            }

            AppendMore(md, details.Params.Count, "param");
        }

        return md.ToString();
    }

    /// <summary>The user's tags and note first (what they wrote matters most), and a word when the run's files are gone.</summary>
    private void AppendAnnotation(StringBuilder md, RunRow run, AnnotationRow? annotation)
    {
        if (run.Gone)
        {
            md.Append("*Files gone: shown from the snapshot in its annotation");
            if (annotation?.Snapshot?.RecordedAt is { } recorded)
            {
                md.Append(", recorded ").Append(Labels.TimeAgo(recorded, _now));
            }

            md.Append("*  \n");
        }

        if (annotation is null)
        {
            return;
        }

        if (annotation.Tags.Count > 0)
        {
            md.Append(string.Join(' ', annotation.Tags.Select(t => MarkdownText.Code("#" + t)))).Append("  \n");
        }

        if (annotation.Note is { Length: > 0 } note)
        {
            md.Append("\n> ").Append(MarkdownText.Escape(note.Length > MaxNoteInTooltip ? note[..MaxNoteInTooltip] + "…" : note)).Append("\n\n");
        }
    }

    /// <summary>"Python 3.11.4 · NVIDIA A100 · 142 packages · 12 images": where it ran and what else it logged.</summary>
    private static string? EnvironmentLine(RunDetailsRow details)
    {
        var parts = new List<string>();
        foreach (var (key, name) in new[] { ("python", "Python"), ("gpu", ""), ("os", "") })
        {
            if (details.Environment.TryGetValue(key, out var value) && value.Length > 0)
            {
                var shown = value.Length > 60 ? value[..60] + "…" : value;
                parts.Add(MarkdownText.Escape(name.Length > 0 ? name + " " + shown : shown));
            }
        }

        if (details.Packages.Count > 0)
        {
            parts.Add(Labels.Count(details.Packages.Count, "package"));
        }

        foreach (var kind in details.Media.GroupBy(m => m.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            parts.Add(Labels.Count(kind.Count(), kind.Key + " series"));
        }

        if (details.DataInputs.Count > 0)
        {
            parts.Add(Labels.Count(details.DataInputs.Count, "data input"));
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static void AppendMore(StringBuilder md, int count, string noun)
    {
        if (count > MaxTooltipRows)
        {
            md.Append("\n…and ").Append(Labels.Count(count - MaxTooltipRows, "more " + noun)).Append('\n');
        }
    }
}
