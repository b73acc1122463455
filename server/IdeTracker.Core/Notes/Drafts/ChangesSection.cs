using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>"What changed": for each linked run, its params against the run before it (<see cref="PreviousRun"/>),
/// every added, removed and changed key, or that none changed, or that there is no earlier run.</summary>
internal static class ChangesSection
{
    public static void Write(StringBuilder markdown, IReadOnlyList<RunDetailsRow> runs, IReadOnlyDictionary<string, PreviousRun> previous, DateTimeOffset now)
    {
        markdown.AppendLine("## What changed").AppendLine();
        foreach (var run in runs)
        {
            var name = $"**{MarkdownText.EscapeForEditing(run.Run.Name)}**";
            if (!previous.TryGetValue(run.Run.Id, out var before))
            {
                markdown.AppendLine($"{name}: no earlier run to compare with.").AppendLine();
                continue;
            }

            var where = before.SameExperiment ? "the previous run of its experiment" : "the previous run in the workspace";
            var when = before.Run.Run.StartTime is { } start ? $", started {Labels.TimeAgo(start, now)}" : "";
            markdown.AppendLine($"{name} against {where}, **{MarkdownText.EscapeForEditing(before.Run.Run.Name)}**{when}:").AppendLine();
            var changes = ParamDiff.Between(before.Run.Params, run.Params);
            if (changes.Count == 0)
            {
                markdown.AppendLine("- no param changed").AppendLine();
                continue;
            }

            foreach (var change in changes)
            {
                markdown.AppendLine(Describe(change));
            }

            markdown.AppendLine();
        }
    }

    private static string Describe(ParamChange change)
    {
        var key = MarkdownText.Code(change.Key);
        return change switch
        {
            { From: null } => $"- {key} added: {MarkdownText.EscapeForEditing(change.To!)}",
            { To: null } => $"- {key} removed (was {MarkdownText.EscapeForEditing(change.From)})",
            _ => $"- {key} {MarkdownText.EscapeForEditing(change.From)} → {MarkdownText.EscapeForEditing(change.To)}",
        };
    }
}
