using System.Runtime.InteropServices;
using IdeTracker.Core.Speech.Native;

namespace IdeTracker.Core.Tests.Speech.Native;

/// <summary>The structs passed by value to whisper.cpp match the library's own: every default the library fills
/// (through its defaults-by-ref exports) is read back through our declaration at the right field, and our size fits
/// the block the library allocated with <c>new</c>. A field added, removed or moved in another version fails here
/// instead of corrupting a transcription.</summary>
public sealed unsafe partial class WhisperLayoutTests
{
    [LibraryImport("libc", EntryPoint = "malloc_usable_size")]
    private static partial nuint MallocUsableSize(IntPtr block);

    [Fact]
    public void The_library_is_the_version_the_structs_are_declared_for()
    {
        var api = WhisperNativeApi.Get();

        Assert.Equal(WhisperLibrary.PinnedVersion, WhisperNativeApi.Utf8(api.Version()));
    }

    [Fact]
    public void Full_params_defaults_land_in_our_fields()
    {
        var api = WhisperNativeApi.Get();
        var block = api.FullDefaultParamsByRef(0);
        try
        {
            AssertFits<WhisperFullParams>(block);
            var greedy = Marshal.PtrToStructure<WhisperFullParams>(block);

            Assert.Equal(0, greedy.Strategy);
            Assert.Equal(Math.Min(4, Environment.ProcessorCount), greedy.NThreads);
            Assert.Equal(16384, greedy.NMaxTextCtx);
            Assert.Equal(1, greedy.NoContext);
            Assert.Equal(1, greedy.PrintProgress);
            Assert.Equal(1, greedy.PrintTimestamps);
            Assert.Equal(0.01f, greedy.TholdPt);
            Assert.Equal(0.01f, greedy.TholdPtsum);
            Assert.Equal("en", WhisperNativeApi.Utf8(greedy.Language));
            Assert.Equal(0, greedy.DetectLanguage);
            Assert.Equal(1, greedy.SuppressBlank);
            Assert.Equal(0, greedy.SuppressNst);
            Assert.Equal(1.0f, greedy.MaxInitialTs);
            Assert.Equal(-1.0f, greedy.LengthPenalty);
            Assert.Equal(0.2f, greedy.TemperatureInc);
            Assert.Equal(2.4f, greedy.EntropyThold);
            Assert.Equal(-1.0f, greedy.LogprobThold);
            Assert.Equal(0.6f, greedy.NoSpeechThold);
            Assert.Equal(5, greedy.GreedyBestOf);
            Assert.Equal(-1, greedy.BeamSize);
            Assert.Equal(-1.0f, greedy.BeamPatience);
            Assert.Equal(IntPtr.Zero, greedy.ProgressCallback);
            Assert.Equal(100.0f, greedy.GrammarPenalty);
            Assert.Equal(0, greedy.Vad);
            Assert.Equal(0.5f, greedy.VadParams.Threshold);
            Assert.Equal(250, greedy.VadParams.MinSpeechDurationMs);
            Assert.Equal(100, greedy.VadParams.MinSilenceDurationMs);
            Assert.Equal(float.MaxValue, greedy.VadParams.MaxSpeechDurationS);
            Assert.Equal(30, greedy.VadParams.SpeechPadMs);
            Assert.Equal(0.1f, greedy.VadParams.SamplesOverlap);
        }
        finally
        {
            api.FreeParams(block);
        }
    }

    [Fact]
    public void Beam_search_defaults_land_in_the_beam_fields()
    {
        var api = WhisperNativeApi.Get();
        var block = api.FullDefaultParamsByRef(1);
        try
        {
            var beam = Marshal.PtrToStructure<WhisperFullParams>(block);

            Assert.Equal(1, beam.Strategy);
            Assert.Equal(-1, beam.GreedyBestOf);
            Assert.Equal(5, beam.BeamSize);
        }
        finally
        {
            api.FreeParams(block);
        }
    }

    [Fact]
    public void Context_params_defaults_land_in_our_fields()
    {
        var api = WhisperNativeApi.Get();
        var block = api.ContextDefaultParamsByRef();
        try
        {
            AssertFits<WhisperContextParams>(block);
            var context = Marshal.PtrToStructure<WhisperContextParams>(block);

            Assert.Equal(1, context.UseGpu);
            Assert.Equal(1, context.FlashAttn);
            Assert.Equal(0, context.GpuDevice);
            Assert.Equal(0, context.DtwTokenTimestamps);
            Assert.Equal(0, context.DtwAheadsPreset);
            Assert.Equal(-1, context.DtwNTop);
            Assert.Equal(0u, context.DtwAheadsNHeads);
            Assert.Equal(IntPtr.Zero, context.DtwAheadsHeads);
            Assert.Equal((nuint)(128 * 1024 * 1024), context.DtwMemSize);
        }
        finally
        {
            api.FreeContextParams(block);
        }
    }

    /// <summary>glibc hands out blocks in 16-byte steps with 8 bytes of header, so the usable size of a
    /// <c>new T()</c> is at most 15 bytes more than sizeof(T): our size must fall in that window.</summary>
    private static void AssertFits<T>(IntPtr block)
        where T : struct
    {
        var usable = (long)MallocUsableSize(block);
        var ours = Marshal.SizeOf<T>();
        Assert.InRange(ours, usable - 15, usable);
    }
}
