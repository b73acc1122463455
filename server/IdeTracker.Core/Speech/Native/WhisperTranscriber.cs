using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Core.Speech.Native;

/// <summary>whisper.cpp in this process: a loaded model that turns 16 kHz mono samples into a <see cref="Transcript"/>.
/// Audio is fed in windows of at most <see cref="WindowSeconds"/> (read streaming from the file), each ended at a quiet
/// moment near its end (<see cref="QuietCut"/>), segment times are offset by each window's start, and progress runs across all windows. Cancelling aborts the native run at its next
/// encoder or graph step. Only the transcription worker process uses this (a native crash must not take the server).
/// Not thread-safe: one transcription at a time per instance.</summary>
public sealed unsafe class WhisperTranscriber : IDisposable
{
    /// <summary>Five minutes per whisper_full call: whisper.cpp holds the log-mel spectrogram of all it is given.</summary>
    public const int WindowSeconds = 300;

    private const int SampleRate = 16_000;

    private readonly WhisperNativeApi api;
    private IntPtr context;

    private WhisperTranscriber(WhisperNativeApi api, IntPtr context, string modelPath, TimeSpan loadTime)
    {
        this.api = api;
        this.context = context;
        ModelPath = modelPath;
        LoadTime = loadTime;
    }

    public string ModelPath { get; }

    /// <summary>Samples per whisper_full call; tests shorten it to cross window edges on short clips.</summary>
    internal int WindowSamples { get; set; } = WindowSeconds * SampleRate;

    /// <summary>Tokens (text, timestamps and specials) in the segments of the last transcription: what the decoder's
    /// time scales with, reported by the bench.</summary>
    internal long TokensDecoded { get; private set; }

    /// <summary>How long whisper.cpp took to read the model.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Loads a model file (verify it first: whisper.cpp trusts what it reads).</summary>
    /// <exception cref="TranscriptionException">EngineMissing: no pinned library; BadModel: whisper.cpp refused the file.</exception>
    public static WhisperTranscriber Load(string modelPath)
    {
        WhisperNativeApi api;
        try
        {
            api = WhisperNativeApi.Get();
        }
        catch (DllNotFoundException error)
        {
            throw new TranscriptionException(TranscriptionFailure.EngineMissing, error.Message, error);
        }

        var defaults = api.ContextDefaultParamsByRef();
        var parameters = Marshal.PtrToStructure<WhisperContextParams>(defaults);
        api.FreeContextParams(defaults);
        parameters.UseGpu = 0;

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var path = Encoding.UTF8.GetBytes(modelPath + "\0");
        IntPtr context;
        fixed (byte* pathBytes = path)
        {
            context = api.InitFromFileWithParams(pathBytes, parameters);
        }

        if (context == IntPtr.Zero)
        {
            var reasons = NativeLog.RecentErrors();
            throw new TranscriptionException(TranscriptionFailure.BadModel,
                $"{modelPath}: whisper.cpp could not load it as a Whisper model" + (reasons.Count > 0 ? $" ({string.Join("; ", reasons.TakeLast(2))})" : "."));
        }

        return new WhisperTranscriber(api, context, modelPath, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Transcribes a WAV file, reading it a window at a time.</summary>
    /// <exception cref="TranscriptionException">BadAudio: not a WAV we read, damaged, or empty; EngineFailed: whisper_full failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Transcript TranscribeFile(string audioPath, TranscriptionOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = WhisperAudioReader.Open(audioPath);
            return Transcribe(reader.Read, reader.SampleCount, audioPath, options, progress, cancellationToken);
        }
        catch (WavFormatException error)
        {
            throw new TranscriptionException(TranscriptionFailure.BadAudio, $"{audioPath}: {error.Message}", error);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TranscriptionException(TranscriptionFailure.BadAudio, $"{audioPath}: no such file.", error);
        }
    }

    /// <summary>Transcribes samples already in memory (16 kHz mono), in the same windows as a file.</summary>
    public Transcript Transcribe(float[] samples, TranscriptionOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var position = 0;
        return Transcribe(window =>
        {
            var count = Math.Min(window.Length, samples.Length - position);
            samples.AsSpan(position, count).CopyTo(window);
            position += count;
            return count;
        }, samples.Length, "the recording", options, progress, cancellationToken);
    }

    private Transcript Transcribe(WindowSource readWindow, long? total, string what, TranscriptionOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(context == IntPtr.Zero, this);
        var window = new float[(int)Math.Min(WindowSamples, Math.Max(total ?? long.MaxValue, 1))];
        var segments = new List<TranscriptSegment>();
        var language = options.Language;
        TokensDecoded = 0;
        long done = 0;
        var reported = -1;
        void Report(long samplesDone)
        {
            var percent = total is > 0 ? (int)Math.Min(100, samplesDone * 100 / total.Value) : 0;
            if (percent > reported)
            {
                reported = percent;
                progress?.Report(percent);
            }
        }

        var carried = 0;
        while (true)
        {
            var wanted = window.Length - carried;
            var read = wanted > 0 ? readWindow(window.AsSpan(carried)) : 0;
            var count = carried + read;
            if (count == 0)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var atEnd = read < wanted;
            var cut = atEnd ? count : QuietCut(window.AsSpan(0, count));
            var start = done;
            language = RunWindow(window.AsSpan(0, cut), start * 1000 / SampleRate, options, segments,
                percent => Report(start + (long)cut * percent / 100), cancellationToken);
            done += cut;
            Report(done);
            carried = count - cut;
            window.AsSpan(cut, carried).CopyTo(window);
            if (atEnd && carried == 0)
            {
                break;
            }
        }

        if (done == 0)
        {
            throw new TranscriptionException(TranscriptionFailure.BadAudio, $"{what} has no audio (0 s).");
        }

        if (reported < 100)
        {
            // A streamed file's header does not say how long it is: its progress can only be told at the end.
            progress?.Report(100);
        }

        return new Transcript(segments, language, done * 1000 / SampleRate);
    }

    /// <summary>Where to end a full window so a word is not cut in two: the middle of its quietest 100 ms within
    /// its last 10 s (at most its last quarter); what follows is carried into the next window.</summary>
    internal static int QuietCut(ReadOnlySpan<float> window)
    {
        const int frame = SampleRate / 10;
        var searchFrom = window.Length - Math.Min(10 * SampleRate, window.Length / 4);
        var best = window.Length;
        var quietest = double.MaxValue;
        for (var at = searchFrom; at + frame <= window.Length; at += frame)
        {
            var energy = 0.0;
            foreach (var sample in window.Slice(at, frame))
            {
                energy += sample * sample;
            }

            if (energy < quietest)
            {
                quietest = energy;
                best = at + (frame / 2);
            }
        }

        return best;
    }

    private string RunWindow(ReadOnlySpan<float> samples, long offsetMs, TranscriptionOptions options, List<TranscriptSegment> segments,
        Action<int> progress, CancellationToken cancellationToken)
    {
        var callbacks = new NativeCallbacks(progress, cancellationToken);
        var handle = GCHandle.Alloc(callbacks);
        var language = Marshal.StringToCoTaskMemUTF8(string.IsNullOrWhiteSpace(options.Language) ? "auto" : options.Language);
        var prompt = string.IsNullOrWhiteSpace(options.InitialPrompt) ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(options.InitialPrompt);
        try
        {
            var parameters = Parameters(options, language, prompt, GCHandle.ToIntPtr(handle));
            int result;
            fixed (float* data = samples)
            {
                result = api.Full(context, parameters, data, samples.Length);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (result != 0)
            {
                var reasons = NativeLog.RecentErrors();
                throw new TranscriptionException(TranscriptionFailure.EngineFailed,
                    $"whisper.cpp failed on the audio from {offsetMs / 1000} s (whisper_full returned {result})"
                    + (reasons.Count > 0 ? $": {reasons[^1]}" : "."));
            }

            var windowEndMs = offsetMs + samples.Length * 1000L / SampleRate;
            var n = api.FullNSegments(context);
            for (var i = 0; i < n; i++)
            {
                // whisper.cpp counts in 10 ms steps from the window's start; its last timestamp can run past the audio.
                var startMs = Math.Clamp(offsetMs + api.FullGetSegmentT0(context, i) * 10, offsetMs, windowEndMs);
                var endMs = Math.Clamp(offsetMs + api.FullGetSegmentT1(context, i) * 10, startMs, windowEndMs);
                segments.Add(new TranscriptSegment(startMs, endMs, WhisperNativeApi.Utf8(api.FullGetSegmentText(context, i)) ?? ""));
                TokensDecoded += api.FullNTokens(context, i);
            }

            return WhisperNativeApi.Utf8(api.LangStr(api.FullLangId(context))) ?? options.Language;
        }
        finally
        {
            Marshal.FreeCoTaskMem(language);
            if (prompt != IntPtr.Zero)
            {
                Marshal.FreeCoTaskMem(prompt);
            }

            handle.Free();
        }
    }

    private WhisperFullParams Parameters(TranscriptionOptions options, IntPtr language, IntPtr prompt, IntPtr userData)
    {
        var defaults = api.FullDefaultParamsByRef(0);
        var parameters = Marshal.PtrToStructure<WhisperFullParams>(defaults);
        api.FreeParams(defaults);

        parameters.NThreads = options.Threads > 0 ? options.Threads : Math.Min(8, Environment.ProcessorCount);
        parameters.Language = language;
        parameters.InitialPrompt = prompt;
        parameters.PrintProgress = 0;
        parameters.PrintRealtime = 0;
        parameters.PrintTimestamps = 0;
        // Silence should come out as no segments: skip windows Whisper judges speechless, and never emit a
        // blank-only or non-speech-token ("[MUSIC]", "(sighs)") segment.
        parameters.SuppressBlank = 1;
        parameters.SuppressNst = 1;
        parameters.NoSpeechThold = 0.6f;

        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, IntPtr, void> onProgress = &OnProgress;
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, byte> onEncoderBegin = &OnEncoderBegin;
        delegate* unmanaged[Cdecl]<IntPtr, byte> onAbort = &OnAbort;
        parameters.ProgressCallback = (IntPtr)onProgress;
        parameters.ProgressCallbackUserData = userData;
        parameters.EncoderBeginCallback = (IntPtr)onEncoderBegin;
        parameters.EncoderBeginCallbackUserData = userData;
        parameters.AbortCallback = (IntPtr)onAbort;
        parameters.AbortCallbackUserData = userData;
        return parameters;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnProgress(IntPtr context, IntPtr state, int percent, IntPtr userData) =>
        NativeCallbacks.From(userData)?.Progress(percent);

    /// <summary>Returning false stops whisper_full before the next 30 s chunk is encoded.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnEncoderBegin(IntPtr context, IntPtr state, IntPtr userData) =>
        NativeCallbacks.From(userData)?.Cancelled == true ? (byte)0 : (byte)1;

    /// <summary>Returning true stops the graph computation under way.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnAbort(IntPtr userData) =>
        NativeCallbacks.From(userData)?.Cancelled == true ? (byte)1 : (byte)0;

    /// <summary>Zeroes whisper.cpp's own timers (encode, decode, fallbacks), for the bench.</summary>
    internal void ResetTimings() => api.ResetTimingsExport(context);

    /// <summary>Has whisper.cpp log its timers since <see cref="ResetTimings"/> (to <see cref="NativeLog"/>), for the bench.</summary>
    internal void PrintTimings() => api.PrintTimingsExport(context);

    public void Dispose()
    {
        if (context != IntPtr.Zero)
        {
            api.Free(context);
            context = IntPtr.Zero;
        }
    }

    private delegate int WindowSource(Span<float> window);
}
