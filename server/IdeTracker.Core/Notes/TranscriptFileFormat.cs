using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeTracker.Core.IO;
using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Core.Notes;

/// <summary>A note's transcript on disk: <c>transcript.json</c> (language, audio length, segments with their times)
/// for us, and <c>transcript.txt</c> (one segment per line, stamped m:ss) for a person.</summary>
public static class TranscriptFileFormat
{
    public const string JsonFileName = "transcript.json";
    public const string TextFileName = "transcript.txt";

    public static void Write(string folder, Transcript transcript)
    {
        var json = new JsonObject
        {
            ["language"] = transcript.Language,
            ["audioMs"] = transcript.AudioMs,
            ["segments"] = new JsonArray([.. transcript.Segments.Select(s => (JsonNode)new JsonObject
            {
                ["startMs"] = s.StartMs,
                ["endMs"] = s.EndMs,
                ["text"] = s.Text,
            })]),
        };
        AtomicFile.WriteText(Path.Combine(folder, JsonFileName), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        AtomicFile.WriteText(Path.Combine(folder, TextFileName), PlainText(transcript));
    }

    public static string PlainText(Transcript transcript)
    {
        var text = new StringBuilder();
        foreach (var segment in transcript.Segments.Where(s => s.Text.Trim().Length > 0))
        {
            text.Append('[').Append(Stamp(segment.StartMs)).Append("] ").AppendLine(segment.Text.Trim());
        }

        return text.ToString();
    }

    /// <exception cref="NoteFileException">Missing, not JSON, or without segments.</exception>
    public static Transcript Read(string path)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new NoteFileException($"{path}: is not a JSON object");
            var segments = json["segments"] as JsonArray ?? throw new NoteFileException($"{path}: has no \"segments\"");
            return new Transcript(
                [.. segments.OfType<JsonObject>().Select(s => new TranscriptSegment(
                    s["startMs"]?.GetValue<long>() ?? 0, s["endMs"]?.GetValue<long>() ?? 0, s["text"]?.GetValue<string>() ?? ""))],
                json["language"]?.GetValue<string>() ?? "",
                json["audioMs"]?.GetValue<long>() ?? 0);
        }
        catch (JsonException e)
        {
            throw new NoteFileException($"{path}:{(e.LineNumber ?? 0) + 1}: is not valid JSON", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            throw new NoteFileException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    private static string Stamp(long ms) => $"{ms / 60_000}:{ms / 1000 % 60:00}";
}
