using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Speech.Native;
using IdeTracker.Core.Speech.Synthetic;
using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Core.Tests.Speech.Synthetic;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Native;

public sealed class WhisperTranscriberTests
{
    private static string Micro => SyntheticModels.Path(SyntheticModelShape.Micro);

    [Fact]
    public void An_empty_recording_is_bad_audio_saying_it_has_no_audio()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("empty.wav");
        File.WriteAllBytes(path, SpeechClips.Empty());
        using var transcriber = WhisperTranscriber.Load(Micro);

        var error = Assert.Throws<TranscriptionException>(() => transcriber.TranscribeFile(path, new TranscriptionOptions(Micro), null, CancellationToken.None));

        Assert.Equal(TranscriptionFailure.BadAudio, error.Failure);
        Assert.Equal($"{path} has no audio (0 s).", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_wav_is_bad_audio_with_the_reader_s_located_message()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("note.wav", "ID3 this is an mp3, not a wav");
        using var transcriber = WhisperTranscriber.Load(Micro);

        var error = Assert.Throws<TranscriptionException>(() => transcriber.TranscribeFile(path, new TranscriptionOptions(Micro), null, CancellationToken.None));

        Assert.Equal(TranscriptionFailure.BadAudio, error.Failure);
        Assert.IsType<WavFormatException>(error.InnerException);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_truncated_model_is_refused_as_bad_model_and_another_model_still_loads()
    {
        using var folder = new TempDirectory();
        var whole = File.ReadAllBytes(Micro);
        var cut = folder.Combine("cut.bin");
        File.WriteAllBytes(cut, whole[..(whole.Length * 2 / 3)]);

        var error = Assert.Throws<TranscriptionException>(() => WhisperTranscriber.Load(cut));

        Assert.Equal(TranscriptionFailure.BadModel, error.Failure);
        Assert.StartsWith($"{cut}: whisper.cpp could not load it", error.Message);
        using var good = WhisperTranscriber.Load(Micro);
        Assert.True(good.LoadTime > TimeSpan.Zero);
    }

    [Fact]
    public void Long_audio_goes_in_windows_whose_segments_are_offset_and_progress_runs_once_to_100()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("long.wav");
        File.WriteAllBytes(path, SpeechClips.Warble(25));
        using var transcriber = WhisperTranscriber.Load(Micro);
        transcriber.WindowSamples = 16_000 * 10;
        var reported = new List<int>();

        var transcript = transcriber.TranscribeFile(path, new TranscriptionOptions(Micro, Threads: 2), new SynchronousProgress(reported.Add), CancellationToken.None);

        Assert.Equal(25_000, transcript.AudioMs);
        SyntheticWhisperModelTests.AssertOrderedInside(transcript);
        // Windows are at most 10 s and end no earlier than 7.5 s in: a start past 15 s was offset into the third.
        Assert.Contains(transcript.Segments, s => s.StartMs >= 15_000);
        Assert.Equal(100, reported[^1]);
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(reported.Distinct(), reported);
        Assert.Contains(reported, p => p is > 0 and < 100);
    }

    [Fact]
    public void A_streamed_file_of_unknown_length_is_transcribed_whole_and_ends_at_100()
    {
        using var folder = new TempDirectory();
        var bytes = SpeechClips.Warble(3);
        bytes.AsSpan(40, 4).Fill(0xFF);
        var path = folder.Combine("streamed.wav");
        File.WriteAllBytes(path, bytes);
        using var transcriber = WhisperTranscriber.Load(Micro);
        var reported = new List<int>();

        var transcript = transcriber.TranscribeFile(path, new TranscriptionOptions(Micro), new SynchronousProgress(reported.Add), CancellationToken.None);

        Assert.Equal(3_000, transcript.AudioMs);
        Assert.Equal(100, reported[^1]);
    }

    [Fact]
    public void A_full_window_ends_in_the_quietest_moment_of_its_last_ten_seconds()
    {
        var window = Enumerable.Range(0, 16_000 * 60).Select(i => (float)(0.5 * Math.Sin(i * 0.07))).ToArray();
        window.AsSpan(16_000 * 55, 4_000).Clear();
        window.AsSpan(16_000 * 20, 16_000).Clear();

        var cut = WhisperTranscriber.QuietCut(window);

        Assert.InRange(cut, 16_000 * 55, (16_000 * 55) + 4_000);
    }

    [Fact]
    public void Silence_is_a_transcript_not_an_error()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("quiet.wav");
        File.WriteAllBytes(path, SpeechClips.Silence(3));
        using var transcriber = WhisperTranscriber.Load(Micro);

        var transcript = transcriber.TranscribeFile(path, new TranscriptionOptions(Micro), null, CancellationToken.None);

        Assert.Equal(3_000, transcript.AudioMs);
        SyntheticWhisperModelTests.AssertOrderedInside(transcript);
    }

    [Fact]
    public void Cancelling_mid_run_stops_with_operation_cancelled_and_the_model_stays_usable()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("long.wav");
        File.WriteAllBytes(path, SpeechClips.Warble(90));
        using var transcriber = WhisperTranscriber.Load(Micro);
        using var cancel = new CancellationTokenSource();
        var reported = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() => transcriber.TranscribeFile(path, new TranscriptionOptions(Micro),
            new SynchronousProgress(p =>
            {
                reported.Add(p);
                cancel.Cancel();
            }), cancel.Token));

        Assert.DoesNotContain(100, reported);
        var samples = WhisperAudio.Load(new MemoryStream(SpeechClips.Warble(2)));
        Assert.Equal(2_000, transcriber.Transcribe(samples, new TranscriptionOptions(Micro), null, CancellationToken.None).AudioMs);
    }

    [Fact]
    public void An_initial_prompt_is_accepted()
    {
        var samples = WhisperAudio.Load(new MemoryStream(SpeechClips.Warble(3)));
        using var transcriber = WhisperTranscriber.Load(Micro);

        var transcript = transcriber.Transcribe(samples, new TranscriptionOptions(Micro, InitialPrompt: "learning rate, batch size, 3e-4"), null, CancellationToken.None);

        SyntheticWhisperModelTests.AssertOrderedInside(transcript);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
