using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Audio;

public sealed class WhisperAudioReaderTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(16_384)]
    [InlineData(100_000)]
    public void Windows_joined_are_the_whole_file_as_whisper_audio_loads_it(int window)
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("note.wav");
        File.WriteAllBytes(path, TestWav.Build(TestWav.Sine(440, 44_100, 70_000, 2), 2, 44_100, SampleEncoding.Pcm16));
        var whole = WhisperAudio.Load(path);
        using var reader = WhisperAudioReader.Open(path);
        var joined = new List<float>();
        var buffer = new float[window];

        int count;
        while ((count = reader.Read(buffer)) > 0)
        {
            Assert.True(count == window || joined.Count + count == whole.Length, "only the last window is short");
            joined.AddRange(buffer.AsSpan(0, count));
        }

        Assert.Equal(whole.Length, reader.SampleCount);
        Assert.Equal(whole, joined);
    }

    [Fact]
    public void Eight_hours_of_audio_are_read_five_minutes_at_a_time_without_holding_them()
    {
        const long frames = 8L * 3600 * 16_000;
        const int window = 5 * 60 * 16_000;
        using var reader = WhisperAudioReader.Open(new GeneratedWavStream(frames, 16_000));
        var buffer = new float[window];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        long total = 0;
        var windows = 0;
        int count;
        while ((count = reader.Read(buffer)) > 0)
        {
            total += count;
            windows++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(frames, total);
        Assert.Equal(frames, reader.SampleCount);
        Assert.Equal(96, windows);
        // The 8 hours are 1.8 GB as floats; reading them in windows allocates next to nothing beyond the window.
        Assert.True(allocated < 16 * 1024 * 1024, $"reading 8 hours allocated {allocated:N0} bytes");
    }
}
