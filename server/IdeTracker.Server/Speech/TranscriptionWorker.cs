using System.Text;
using System.Text.Json;
using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Speech.Native;
using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Server.Speech;

/// <summary>The hidden verb <c>ide-tracker transcribe-worker</c>: reads one <see cref="WorkerRequest"/> from stdin,
/// checks the model (ggml magic, so a wrong file is never handed to whisper.cpp) and the audio header, transcribes, and
/// writes <see cref="WorkerEvent"/> lines on the protocol stream. Native logging goes to stderr; the server only ever
/// talks to this process through pipes, so a native crash here ends only this process.</summary>
public static class TranscriptionWorker
{
    public const string Verb = "transcribe-worker";

    public static int Run(TextReader input)
    {
        using var protocol = new StreamWriter(ProtocolStdout.Take(), new UTF8Encoding(false)) { AutoFlush = true };
        NativeLog.Sink = line => Console.Error.WriteLine(line);
        try
        {
            var request = Read(input);
            Check(request);
            using var transcriber = WhisperTranscriber.Load(request.ModelPath);
            Console.Error.WriteLine($"model loaded in {transcriber.LoadTime.TotalMilliseconds:F0} ms");
            var transcript = transcriber.TranscribeFile(request.AudioPath,
                new TranscriptionOptions(request.ModelPath, request.Language, request.Prompt, request.Threads),
                new LineProgress(protocol), CancellationToken.None);
            Write(protocol, new WorkerEvent(WorkerEvent.Result, Language: transcript.Language, AudioMs: transcript.AudioMs, Segments: transcript.Segments));
            return 0;
        }
        catch (TranscriptionException error)
        {
            Write(protocol, new WorkerEvent(WorkerEvent.Error, Failure: error.Failure.ToString(), Message: error.Message));
            return 1;
        }
    }

    private static WorkerRequest Read(TextReader input)
    {
        var text = input.ReadToEnd();
        try
        {
            return JsonSerializer.Deserialize<WorkerRequest>(text, WorkerJson.Options)
                ?? throw new JsonException("the request is null");
        }
        catch (JsonException error)
        {
            throw new TranscriptionException(TranscriptionFailure.EngineFailed, $"the transcription worker got a request it cannot read: {error.Message}", error);
        }
    }

    /// <summary>Cheap checks before anything native is loaded: a file that is not ggml is never given to whisper.cpp,
    /// and an audio file that is not a WAV we read (or holds nothing) is named with where it is wrong.</summary>
    private static void Check(WorkerRequest request)
    {
        var model = ModelVerifier.VerifyAsync(request.ModelPath, new WhisperModel("configured", Path.GetFileName(request.ModelPath), null, null), CancellationToken.None)
            .GetAwaiter().GetResult();
        if (!model.IsValid)
        {
            throw new TranscriptionException(TranscriptionFailure.BadModel, model.Message);
        }

        if (!File.Exists(request.AudioPath))
        {
            throw new TranscriptionException(TranscriptionFailure.BadAudio, $"{request.AudioPath}: no such file.");
        }

        try
        {
            using var audio = WhisperAudioReader.Open(request.AudioPath);
            if (audio.SampleCount == 0)
            {
                throw new TranscriptionException(TranscriptionFailure.BadAudio, $"{request.AudioPath} has no audio (0 s).");
            }
        }
        catch (WavFormatException error)
        {
            throw new TranscriptionException(TranscriptionFailure.BadAudio, $"{request.AudioPath}: {error.Message}", error);
        }
    }

    private static void Write(StreamWriter protocol, WorkerEvent message) =>
        protocol.WriteLine(JsonSerializer.Serialize(message, WorkerJson.Options));

    private sealed class LineProgress(StreamWriter protocol) : IProgress<int>
    {
        public void Report(int value) => Write(protocol, new WorkerEvent(WorkerEvent.Progress, Percent: value));
    }
}
