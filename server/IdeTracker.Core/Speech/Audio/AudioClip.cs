namespace IdeTracker.Core.Speech.Audio;

/// <summary>Decoded audio: <see cref="Samples"/> are interleaved frames (channel 0, 1, … of frame 0, then frame 1),
/// each in [-1, 1]. An empty clip (no frames) is a valid clip.</summary>
public sealed class AudioClip
{
    public AudioClip(int sampleRate, int channels, float[] samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (samples.Length % channels != 0)
        {
            throw new ArgumentException($"{samples.Length} samples do not make whole frames of {channels} channels", nameof(samples));
        }

        SampleRate = sampleRate;
        Channels = channels;
        Samples = samples;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public float[] Samples { get; }

    public long FrameCount => Samples.Length / Channels;

    public TimeSpan Duration => TimeSpan.FromSeconds(FrameCount / (double)SampleRate);
}
