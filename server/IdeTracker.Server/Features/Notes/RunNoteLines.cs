using System.Text;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Notes;

/// <summary>The lines a run's tooltip gains for the voice notes about it.</summary>
public static class RunNoteLines
{
    public const int Shown = 3;

    public static string Markdown(IReadOnlyList<RunNoteDto> notes)
    {
        var text = new StringBuilder("\n\n---\n\n🎙 ").Append(Labels.Count(notes.Count, "voice note"));
        foreach (var note in notes.Take(Shown))
        {
            text.Append("\n- ").Append(MarkdownText.Escape(note.Title)).Append(" (").Append(MarkdownText.Escape(note.CreatedLabel)).Append(')');
        }

        if (notes.Count > Shown)
        {
            text.Append("\n- … and ").Append(Labels.Count(notes.Count - Shown, "more"));
        }

        return text.ToString();
    }
}
