using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdeTracker.Core.Notes;

/// <summary>Reads and writes <c>note.json</c>: a small versioned JSON object a person can read and fix by hand.
/// Unknown fields are ignored; a file that does not parse is reported with its line and left alone.</summary>
public static class NoteFileFormat
{
    public const string FileName = "note.json";
    private const int Version = 1;

    public static string Serialize(VoiceNote note)
    {
        var json = new JsonObject
        {
            ["version"] = Version,
            ["id"] = note.Id,
            ["createdAt"] = note.CreatedAt.ToUniversalTime().ToString("O"),
            ["title"] = note.Title,
            ["status"] = JsonNamingPolicy.CamelCase.ConvertName(note.Status.ToString()),
            ["error"] = note.Error,
            ["runIds"] = new JsonArray([.. note.RunIds.Select(id => (JsonNode)id)]),
            ["linkReason"] = note.LinkReason,
            ["audio"] = note.AudioFile,
            ["audioMs"] = note.AudioMs,
            ["transcript"] = note.TranscriptFile,
            ["language"] = note.Language,
            ["draft"] = note.DraftFile,
            ["draftSha256"] = note.DraftSha256,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <exception cref="NoteFileException">The file is missing, is not JSON, or lacks id, createdAt or audio.</exception>
    public static VoiceNote Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoteFileException($"{path}: cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static VoiceNote Parse(string text, string path)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new NoteFileException($"{path}: is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new NoteFileException($"{path}:{(e.LineNumber ?? 0) + 1}: is not valid JSON: {FirstSentence(e.Message)}", e);
        }

        try
        {
            return new VoiceNote
            {
                Id = Required(json, "id", path),
                CreatedAt = DateTimeOffset.Parse(Required(json, "createdAt", path), System.Globalization.CultureInfo.InvariantCulture),
                Title = Optional(json, "title") ?? "Voice note",
                Status = ParseStatus(Optional(json, "status"), path),
                Error = Optional(json, "error"),
                RunIds = json["runIds"] is JsonArray ids ? [.. ids.Select(n => n?.GetValue<string>()).OfType<string>()] : [],
                LinkReason = Optional(json, "linkReason"),
                AudioFile = Required(json, "audio", path),
                AudioMs = json["audioMs"]?.GetValue<long>(),
                TranscriptFile = Optional(json, "transcript"),
                Language = Optional(json, "language"),
                DraftFile = Optional(json, "draft"),
                DraftSha256 = Optional(json, "draftSha256"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new NoteFileException($"{path}: a field has the wrong type: {FirstSentence(e.Message)}", e);
        }
    }

    private static NoteStatus ParseStatus(string? text, string path) =>
        text is null ? NoteStatus.Recorded
        : Enum.TryParse<NoteStatus>(text, ignoreCase: true, out var status) ? status
        : throw new NoteFileException($"{path}: status '{text}' is not one of recorded, transcribing, transcribed, drafted, failed");

    private static string Required(JsonObject json, string name, string path) =>
        Optional(json, name) is { Length: > 0 } value ? value : throw new NoteFileException($"{path}: has no \"{name}\"");

    private static string? Optional(JsonObject json, string name) => json[name]?.GetValue<string>();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
