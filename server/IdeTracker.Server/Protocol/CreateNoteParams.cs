using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/notes/create</c>: makes a note from an audio file. With <see cref="MoveAudio"/> the file is
/// moved into the note's folder (a recording the extension just made), else copied (a file the user chose).
/// <see cref="RunIds"/>: the runs selected in the tree, which the draft will be about. Returns the note.</summary>
public sealed record CreateNoteParams
{
    [JsonPropertyName("audioPath")]
    public required string AudioPath { get; init; }

    [JsonPropertyName("moveAudio")]
    public bool MoveAudio { get; init; }

    [JsonPropertyName("runIds")]
    public IReadOnlyList<string>? RunIds { get; init; }
}
