using IdeTracker.Core.Tests.Speech.Audio;

namespace IdeTracker.Core.Tests.Speech.Native;

/// <summary>Generated WAV clips for the transcription tests: a warbling tone (voice-like pitch movement), silence,
/// and nothing at all.</summary>
public static class SpeechClips
{
    public static byte[] Warble(double seconds, int sampleRate = 16_000)
    {
        var frames = (int)(seconds * sampleRate);
        var samples = new double[frames];
        var phase = 0.0;
        for (var i = 0; i < frames; i++)
        {
            var t = i / (double)sampleRate;
            phase += 2 * Math.PI * (180 + 60 * Math.Sin(2 * Math.PI * 3 * t)) / sampleRate;
            samples[i] = 0.4 * Math.Sin(phase) * (0.6 + 0.4 * Math.Sin(2 * Math.PI * 0.7 * t));
        }

        return TestWav.Build(samples, 1, sampleRate, SampleEncoding.Pcm16);
    }

    public static byte[] Silence(double seconds, int sampleRate = 16_000) =>
        TestWav.Build(new double[(int)(seconds * sampleRate)], 1, sampleRate, SampleEncoding.Pcm16);

    public static byte[] Empty() => TestWav.Build([], 1, 16_000, SampleEncoding.Pcm16);
}
