namespace IdeTracker.Core.Speech.Audio;

/// <summary>A WAV file as 16 kHz mono floats, read a window at a time: the transcriber takes a few minutes of samples
/// at once, so an 8-hour note (≈ 1.8 GB of floats whole) never sits in memory. Gives the same samples as
/// <see cref="WhisperAudio.Load(string)"/>, split wherever the caller's windows end.</summary>
public sealed class WhisperAudioReader : IDisposable
{
    private const int BlockFrames = 16 * 1024;

    private readonly WavReader reader;
    private readonly Resampler resampler;
    private readonly float[] interleaved;
    private readonly float[] mono;
    private readonly float[] resampled;
    private int carryStart;
    private int carryCount;
    private bool ended;

    private WhisperAudioReader(WavReader reader)
    {
        this.reader = reader;
        resampler = new Resampler(reader.SampleRate);
        interleaved = new float[BlockFrames * reader.Channels];
        mono = new float[BlockFrames];
        resampled = new float[resampler.MaxOutputFor(BlockFrames) + BlockFrames];
        SampleCount = reader.FrameCount is { } frames ? Resampler.OutputLengthFor(frames, reader.SampleRate, Resampler.WhisperRate) : null;
    }

    /// <summary>16 kHz samples the file holds, or null when its header does not say (a streaming writer's file).</summary>
    public long? SampleCount { get; }

    /// <exception cref="WavFormatException">The file is not a WAV file we can read.</exception>
    public static WhisperAudioReader Open(string path) => new(WavReader.Open(path));

    /// <summary>The same over a stream, read forward only (a pipe will do); disposing the reader disposes it.</summary>
    /// <exception cref="WavFormatException">The stream does not hold a WAV file we can read.</exception>
    public static WhisperAudioReader Open(Stream stream) => new(WavReader.Open(stream));

    /// <summary>Fills <paramref name="window"/> as far as the audio goes.</summary>
    /// <returns>Samples written; less than the window only at the end, 0 once all were read.</returns>
    /// <exception cref="WavFormatException">The file is damaged further in.</exception>
    public int Read(Span<float> window)
    {
        var written = 0;
        while (written < window.Length)
        {
            if (carryCount > 0)
            {
                var take = Math.Min(carryCount, window.Length - written);
                resampled.AsSpan(carryStart, take).CopyTo(window[written..]);
                carryStart += take;
                carryCount -= take;
                written += take;
                continue;
            }

            if (ended)
            {
                break;
            }

            carryStart = 0;
            var count = reader.Read(interleaved);
            if (count == 0)
            {
                carryCount = FlushInto();
                ended = true;
                continue;
            }

            var frames = MonoDownmix.Downmix(interleaved.AsSpan(0, count), reader.Channels, mono);
            carryCount = resampler.Process(mono.AsSpan(0, frames), resampled);
        }

        return written;
    }

    /// <summary>The resampler's tail is a kernel's half-width of samples, far less than the block buffer.</summary>
    private int FlushInto() => resampler.Flush(resampled);

    public void Dispose() => reader.Dispose();
}
