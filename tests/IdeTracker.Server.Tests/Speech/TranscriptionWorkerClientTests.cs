using System.Diagnostics;
using IdeTracker.Core.Speech.Synthetic;
using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Core.Tests.Speech.Native;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Speech;

namespace IdeTracker.Server.Tests.Speech;

/// <summary>The client against the real worker: this test host is run by dotnet, so the worker starts as
/// <c>dotnet exec ide-tracker.dll transcribe-worker</c> (the apphost route is covered by the transcribe CLI tests).</summary>
public sealed class TranscriptionWorkerClientTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _temp = new();
    private readonly string _micro = SyntheticModels.Path(SyntheticModelShape.Micro);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void In_a_test_host_the_worker_is_started_through_dotnet_exec_of_this_program()
    {
        var command = WorkerCommand.ForThisProgram();

        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(command.FileName));
        Assert.Equal(["exec", typeof(WorkerCommand).Assembly.Location, TranscriptionWorker.Verb], command.Arguments);
    }

    [Fact]
    public async Task A_clip_comes_back_as_ordered_segments_inside_the_audio_with_progress_to_100()
    {
        var reported = new List<int>();
        var client = new TranscriptionWorkerClient();

        var transcript = await client.TranscribeAsync(_temp.WriteBytes("clip.wav", SpeechClips.Warble(4)), new TranscriptionOptions(_micro), new Recording(reported), CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.Equal(4_000, transcript.AudioMs);
        Assert.Equal("en", transcript.Language);
        long previous = 0;
        foreach (var segment in transcript.Segments)
        {
            Assert.InRange(segment.StartMs, previous, 4_000);
            Assert.InRange(segment.EndMs, segment.StartMs, 4_000);
            previous = segment.StartMs;
        }

        Assert.Equal(100, reported[^1]);
    }

    [Fact]
    public async Task A_model_that_is_not_ggml_is_bad_model_named_by_the_verifier()
    {
        var model = _temp.Write("model.bin", "<html>not found</html>");

        var error = await Assert.ThrowsAsync<TranscriptionException>(() => new TranscriptionWorkerClient()
            .TranscribeAsync(_temp.WriteBytes("clip.wav", SpeechClips.Warble(1)), new TranscriptionOptions(model), null, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(TranscriptionFailure.BadModel, error.Failure);
        Assert.Equal($"{model}: not a ggml file: starts with '<htm'.", error.Message);
    }

    [Fact]
    public async Task Audio_that_is_not_a_wav_or_is_empty_is_bad_audio_naming_the_file()
    {
        var notWav = _temp.Write("note.wav", "OggS not a wav at all");
        var empty = _temp.WriteBytes("empty.wav", SpeechClips.Empty());
        var client = new TranscriptionWorkerClient();

        var bad = await Assert.ThrowsAsync<TranscriptionException>(() => client.TranscribeAsync(notWav, new TranscriptionOptions(_micro), null, CancellationToken.None).WaitAsync(Timeout));
        var nothing = await Assert.ThrowsAsync<TranscriptionException>(() => client.TranscribeAsync(empty, new TranscriptionOptions(_micro), null, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(TranscriptionFailure.BadAudio, bad.Failure);
        Assert.StartsWith($"{notWav}: ", bad.Message);
        Assert.Equal(TranscriptionFailure.BadAudio, nothing.Failure);
        Assert.Equal($"{empty} has no audio (0 s).", nothing.Message);
    }

    [Fact]
    public async Task A_worker_killed_mid_transcription_is_a_located_crash_and_the_next_transcription_works()
    {
        var audio = _temp.WriteBytes("long.wav", SpeechClips.Warble(600));
        var client = new TranscriptionWorkerClient();
        var pid = 0;
        client.WorkerStarted += started => pid = started;
        var killed = new TaskCompletionSource();

        var crash = await Assert.ThrowsAsync<TranscriptionException>(() => client.TranscribeAsync(audio, new TranscriptionOptions(_micro),
            new Recording([], () =>
            {
                if (killed.TrySetResult())
                {
                    Process.GetProcessById(pid).Kill();
                }
            }), CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(TranscriptionFailure.WorkerCrashed, crash.Failure);
        Assert.StartsWith($"the transcription worker stopped (exit code 137, signal KILL?) before finishing {audio}", crash.Message);
        Assert.Contains("model loaded in", crash.Message);
        var next = await client.TranscribeAsync(_temp.WriteBytes("short.wav", SpeechClips.Warble(2)), new TranscriptionOptions(_micro), null, CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(2_000, next.AudioMs);
    }

    [Fact]
    public async Task Cancelling_kills_the_worker_and_throws_operation_cancelled()
    {
        var client = new TranscriptionWorkerClient();
        var pid = 0;
        client.WorkerStarted += started => pid = started;
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TranscribeAsync(_temp.WriteBytes("long.wav", SpeechClips.Warble(600)), new TranscriptionOptions(_micro),
            new Recording([], cancel.Cancel), cancel.Token).WaitAsync(Timeout));

        Assert.True(HasExited(pid), $"worker {pid} still runs");
    }

    [Fact]
    public void A_crash_message_names_a_segfault()
    {
        var error = TranscriptionWorkerClient.Crashed("/notes/a.wav", 139, ["ggml: oops"]);

        Assert.Equal(TranscriptionFailure.WorkerCrashed, error.Failure);
        Assert.Equal("the transcription worker stopped (exit code 139, signal SEGV?) before finishing /notes/a.wav; the audio is untouched and can be transcribed again. Its last stderr lines:\nggml: oops", error.Message);
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Keeps each report and runs an action on it, on the reporting thread.</summary>
    private sealed class Recording(List<int> reported, Action? onReport = null) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reported)
            {
                reported.Add(value);
            }

            onReport?.Invoke();
        }
    }
}
