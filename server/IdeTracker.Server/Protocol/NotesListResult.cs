using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/notes/list</c>: every note of the workspace, newest first, and the notes folders that
/// could not be read (each a located message), which are left untouched on disk.</summary>
public sealed record NotesListResult(
    [property: JsonPropertyName("notes")] IReadOnlyList<NoteDto> Notes,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems);
