using System.Text;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>A Markdown table of run values: the header and each row's first cell are Markdown the caller made
/// (already escaped), every other cell is text and is escaped here (<see cref="MarkdownText.EscapeForEditing"/>: a pipe or a
/// newline in a value cannot break the row).</summary>
internal sealed class MarkdownTable(IReadOnlyList<string> headerMarkdown)
{
    private readonly List<string[]> _rows = [];

    public void Add(string firstCellMarkdown, IEnumerable<string> values) =>
        _rows.Add([firstCellMarkdown, .. values.Select(MarkdownText.EscapeForEditing)]);

    public void WriteTo(StringBuilder markdown)
    {
        markdown.Append("| ").AppendJoin(" | ", headerMarkdown).AppendLine(" |");
        markdown.Append('|').AppendJoin('|', headerMarkdown.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in _rows)
        {
            markdown.Append("| ").AppendJoin(" | ", row.Select(c => c.Length == 0 ? " " : c)).AppendLine(" |");
        }
    }
}
