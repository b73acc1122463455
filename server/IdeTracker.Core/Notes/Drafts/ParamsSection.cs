using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>"Params": one row per param key (natural order), one column per linked run; at most
/// <see cref="MaxRows"/> rows, then how many more there are.</summary>
internal static class ParamsSection
{
    public const int MaxRows = 40;

    public static void Write(StringBuilder markdown, IReadOnlyList<RunDetailsRow> runs)
    {
        markdown.AppendLine("## Params").AppendLine();
        var keys = runs.SelectMany(r => r.Params.Keys).Distinct(StringComparer.Ordinal).Order(NaturalStringComparer.Instance).ToList();
        if (keys.Count == 0)
        {
            markdown.AppendLine(runs.Count == 1 ? "The run recorded no params." : "None of these runs recorded params.").AppendLine();
            return;
        }

        var table = new MarkdownTable(["Param", .. runs.Select(r => MarkdownText.EscapeForEditing(r.Run.Name))]);
        foreach (var key in keys.Take(MaxRows))
        {
            table.Add(MarkdownText.Code(key), runs.Select(r => r.Params.GetValueOrDefault(key) ?? "—"));
        }

        table.WriteTo(markdown);
        markdown.AppendLine();
        if (keys.Count > MaxRows)
        {
            markdown.AppendLine($"…and {Labels.Count(keys.Count - MaxRows, "more param")}.").AppendLine();
        }
    }
}
