using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/notesChanged</c>, server to client: these notes were created or changed (their status,
/// transcript or draft), so the Notes view and the linked runs' details should be read again.</summary>
public sealed record NotesChangedParams(
    [property: JsonPropertyName("noteIds")] IReadOnlyList<string> NoteIds);
