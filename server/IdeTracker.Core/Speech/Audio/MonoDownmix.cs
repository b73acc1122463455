namespace IdeTracker.Core.Speech.Audio;

/// <summary>Mono by averaging the channels of each frame (averaging, not summing, keeps the result in [-1, 1]).</summary>
public static class MonoDownmix
{
    /// <summary>Writes one sample per whole frame of <paramref name="interleaved"/> into <paramref name="mono"/>.</summary>
    /// <returns>The number of frames written.</returns>
    public static int Downmix(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        var frames = interleaved.Length / channels;
        if (mono.Length < frames)
        {
            throw new ArgumentException($"room for {frames} frames is needed, there is room for {mono.Length}", nameof(mono));
        }

        if (channels == 1)
        {
            interleaved[..frames].CopyTo(mono);
            return frames;
        }

        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0f;
            foreach (var sample in interleaved.Slice(frame * channels, channels))
            {
                sum += sample;
            }

            mono[frame] = sum / channels;
        }

        return frames;
    }

    public static float[] Downmix(AudioClip clip)
    {
        var mono = new float[clip.FrameCount];
        Downmix(clip.Samples, clip.Channels, mono);
        return mono;
    }
}
