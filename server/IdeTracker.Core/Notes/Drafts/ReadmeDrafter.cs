using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>Drafts a note's README: the speaker's story (<see cref="TranscriptStory"/>) around what the index knows
/// of the runs the note is about (<see cref="RunLinker"/>): their params and what changed from the run before,
/// results, plots written into the note's folder, and how to reproduce them. Everything taken from a run is
/// Markdown-escaped; the speaker's words are escaped as prose (only what would become markup), so the draft stays
/// pleasant to edit.</summary>
public sealed class ReadmeDrafter(IndexStore store, MetricChoice? mainMetric)
{
    public ReadmeDraft Draft(DraftRequest request)
    {
        var link = new RunLinker(store).Link(request.Transcript, request.SelectedRunIds);
        var runs = store.GetRunDetailsByIds(link.RunIds, mainMetric?.Key);
        var story = TranscriptStory.Of(request.Transcript);
        var markdown = new StringBuilder();

        var title = story.Title is { } said ? MarkdownText.EscapeForEditing(said) : MarkdownText.EscapeForEditing(runs.Count > 0 ? runs[0].Run.Name : "Voice note");
        markdown.AppendLine($"# {title}").AppendLine();
        if (story.IsSilent)
        {
            markdown.AppendLine("_This note had no speech: the recording was silent, so there is no story to draft. The run sections below are filled in from the index._").AppendLine();
        }
        else
        {
            markdown.AppendLine(MarkdownText.EscapeForEditing(story.Summary!)).AppendLine();
        }

        WriteLinkedRuns(markdown, runs, link.Reason, request.Now);
        markdown.AppendLine("## What I tried and why").AppendLine();
        markdown.AppendLine(story.Tried.Count > 0
            ? string.Join(' ', story.Tried.Select(MarkdownText.EscapeForEditing))
            : story.IsSilent ? "_Nothing was said._" : "_Only next steps were said._").AppendLine();

        IReadOnlyList<string> plots = [];
        if (runs.Count > 0)
        {
            ParamsSection.Write(markdown, runs);
            ChangesSection.Write(markdown, runs, PreviousRuns(runs), request.Now);
            ResultsSection.Write(markdown, runs, mainMetric, request.Now);
            plots = PlotsSection.Write(markdown, store, runs, mainMetric, request.NoteFolder);
            ReproduceSection.Write(markdown, runs, store.WorkspaceRoot);
        }

        markdown.AppendLine("## Next steps").AppendLine();
        if (story.NextSteps.Count == 0)
        {
            markdown.AppendLine("_None said._");
        }
        else
        {
            foreach (var step in story.NextSteps)
            {
                markdown.AppendLine($"- {MarkdownText.EscapeForEditing(step)}");
            }
        }

        return new ReadmeDraft(markdown.ToString(), plots, [.. runs.Select(r => r.Run.Id)], runs.Count == 0 ? RunLinkReason.None : link.Reason);
    }

    private static void WriteLinkedRuns(StringBuilder markdown, IReadOnlyList<RunDetailsRow> runs, RunLinkReason reason, DateTimeOffset now)
    {
        if (runs.Count == 0)
        {
            markdown.AppendLine("_No run is linked to this note: the workspace has no runs indexed._").AppendLine();
            return;
        }

        var why = reason switch
        {
            RunLinkReason.Selected => "selected when the note was made",
            RunLinkReason.Spoken => "named in the note",
            _ => "the workspace's most recent run",
        };
        markdown.AppendLine($"{(runs.Count == 1 ? "Run" : "Runs")} ({why}):").AppendLine();
        foreach (var run in runs)
        {
            var experiment = run.Run.Experiment is { } e ? $" in {MarkdownText.EscapeForEditing(e)}" : "";
            var started = run.Run.StartTime is { } start ? $", started {Labels.TimeAgo(start, now)}" : "";
            markdown.AppendLine($"- **{MarkdownText.EscapeForEditing(run.Run.Name)}** ({MarkdownText.EscapeForEditing(SourceNames.Display(run.Run.Source))}{experiment}{started}), id {MarkdownText.Code(run.Run.Id)}");
        }

        markdown.AppendLine();
    }

    /// <summary>Each run's previous run: the one of its experiment that started just before it, else the
    /// workspace's; all read in one batch.</summary>
    private Dictionary<string, PreviousRun> PreviousRuns(IReadOnlyList<RunDetailsRow> runs)
    {
        var previousIds = new Dictionary<string, (string Id, bool SameExperiment)>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if (store.FindRunStartedBefore(run.Run, sameExperiment: true) is { } same)
            {
                previousIds[run.Run.Id] = (same, true);
            }
            else if (store.FindRunStartedBefore(run.Run, sameExperiment: false) is { } any)
            {
                previousIds[run.Run.Id] = (any, false);
            }
        }

        var details = store.GetRunDetailsByIds([.. previousIds.Values.Select(p => p.Id)], null)
            .ToDictionary(r => r.Run.Id, StringComparer.Ordinal);
        return previousIds
            .Where(p => details.ContainsKey(p.Value.Id))
            .ToDictionary(p => p.Key, p => new PreviousRun(details[p.Value.Id], p.Value.SameExperiment), StringComparer.Ordinal);
    }
}
