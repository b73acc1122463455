using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Notes;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Notes;

/// <summary>A stored note as the Notes view shows it: paths made absolute, times and lengths in words, the linked
/// runs' names, the transcript's opening and a Markdown tooltip (every piece of user or run text escaped).</summary>
public sealed class NoteDtos(NoteStore notes, IndexStore index, DateTimeOffset now)
{
    public const int PreviewLength = 300;

    public NoteDto Of(VoiceNote note)
    {
        var names = RunNames(note.RunIds);
        var preview = Preview(note);
        var status = note.Status.ToString().ToLowerInvariant();
        return new NoteDto
        {
            Id = note.Id,
            Title = note.Title,
            CreatedAt = Labels.Iso(note.CreatedAt),
            CreatedLabel = Labels.TimeAgo(note.CreatedAt, now),
            Status = status,
            Error = note.Error,
            Folder = notes.FolderOf(note.Id),
            AudioPath = notes.PathOf(note, note.AudioFile),
            DurationLabel = note.AudioMs is { } ms ? Labels.Duration(TimeSpan.FromMilliseconds(ms)) : null,
            TranscriptPath = note.TranscriptFile is { } t ? notes.PathOf(note, TranscriptFileFormat.TextFileName) : null,
            TranscriptPreview = preview,
            DraftPath = note.DraftFile is { } d ? notes.PathOf(note, d) : null,
            RunIds = note.RunIds,
            RunNames = names,
            Tooltip = Tooltip(note, status, names, preview),
        };
    }

    public RunNoteDto BriefOf(VoiceNote note) =>
        new(note.Id, note.Title, Labels.TimeAgo(note.CreatedAt, now), note.DraftFile is { } d ? notes.PathOf(note, d) : null);

    private string Tooltip(VoiceNote note, string status, IReadOnlyList<string> names, string? preview)
    {
        var text = new StringBuilder();
        text.Append("**").Append(MarkdownText.Escape(note.Title)).Append("**\n\n");
        text.Append(MarkdownText.Escape(Labels.TimeAgo(note.CreatedAt, now))).Append(" · ").Append(status);
        if (note.AudioMs is { } ms)
        {
            text.Append(" · ").Append(Labels.Duration(TimeSpan.FromMilliseconds(ms))).Append(" of audio");
        }

        text.Append("\n\n");
        if (note.Error is { } error)
        {
            text.Append("⚠ ").Append(MarkdownText.Escape(error)).Append("\n\n");
        }

        if (preview is { Length: > 0 })
        {
            text.Append("> ").Append(MarkdownText.Escape(preview)).Append("\n\n");
        }
        else if (preview is not null)
        {
            text.Append("No speech was heard.\n\n");
        }

        if (names.Count > 0)
        {
            text.Append(names.Count == 1 ? "Run: " : "Runs: ");
            text.Append(string.Join(", ", names.Select(MarkdownText.Escape)));
        }

        return text.ToString().TrimEnd();
    }

    private string? Preview(VoiceNote note)
    {
        try
        {
            if (notes.ReadTranscript(note) is not { } transcript)
            {
                return null;
            }

            var text = transcript.Text;
            return text.Length <= PreviewLength ? text : text[..PreviewLength].TrimEnd() + "…";
        }
        catch (NoteFileException e)
        {
            return e.Message;
        }
    }

    private List<string> RunNames(IReadOnlyList<string> runIds)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        var rows = index.GetRunRowsByIds(runIds, null).ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        return [.. runIds.Select(id => rows.TryGetValue(id, out var name) ? name : $"{id} (no longer indexed)")];
    }
}
