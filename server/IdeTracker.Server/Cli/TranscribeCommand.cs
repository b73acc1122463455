using System.Text.Json;
using IdeTracker.Core.Presentation;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Server.Speech;

namespace IdeTracker.Server.Cli;

/// <summary><c>ide-tracker transcribe</c>: a WAV file to text (or, with --json, timed segments) through the same
/// worker process the server uses. Without --model the catalog's default model is looked for in the user's cache;
/// when there is none, every path looked at is printed with how to get one (exit 1).</summary>
public static class TranscribeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static int Run(TranscribeArguments arguments, TextWriter output, TextWriter error)
    {
        var model = WhisperModels.Default;
        var location = arguments.ModelPath is { } configured && !Directory.Exists(configured)
            ? new ModelLocation(File.Exists(configured) ? Path.GetFullPath(configured) : null, [Path.GetFullPath(configured)])
            : ModelLocator.ForCurrentUser(arguments.ModelPath).Locate(model);
        if (location.Path is not { } modelPath)
        {
            var cache = ModelLocator.ForCurrentUser(null).CachePath(model);
            error.WriteLine($"ide-tracker transcribe: {location.Message(model)}");
            error.WriteLine($"Get one: download {model.DownloadUrl(WhisperModels.DefaultBaseUrl)} to {cache} "
                + "(the VS Code extension offers to), or pass --model <file>.");
            return 1;
        }

        Transcript transcript;
        try
        {
            transcript = new TranscriptionWorkerClient()
                .TranscribeAsync(arguments.AudioPath, new TranscriptionOptions(modelPath, arguments.Language, null, arguments.Threads), null, CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (TranscriptionException failure)
        {
            error.WriteLine($"ide-tracker transcribe: {failure.Message}");
            return 1;
        }

        if (arguments.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                audioPath = Path.GetFullPath(arguments.AudioPath),
                language = transcript.Language,
                audioMs = transcript.AudioMs,
                segments = transcript.Segments,
            }, Json));
        }
        else if (transcript.IsSilent)
        {
            error.WriteLine($"No speech heard in {arguments.AudioPath} ({Labels.Duration(TimeSpan.FromMilliseconds(transcript.AudioMs))} of audio).");
        }
        else
        {
            output.WriteLine(transcript.Text);
        }

        return 0;
    }
}
