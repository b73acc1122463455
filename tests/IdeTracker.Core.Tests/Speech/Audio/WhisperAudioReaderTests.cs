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
}
