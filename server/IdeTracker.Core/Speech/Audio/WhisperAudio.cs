namespace IdeTracker.Core.Speech.Audio;

/// <summary>What the transcription worker feeds Whisper: a WAV file as 16 kHz mono floats. The file is read, mixed down
/// and resampled block by block, so only the 16 kHz mono result is ever held whole (an 8-hour note is ~1.8 GB of
/// floats at 16 kHz, its 44.1 kHz stereo source would be ~10 GB).</summary>
public static class WhisperAudio
{
    private const int BlockFrames = 16 * 1024;

    /// <exception cref="WavFormatException">The file is not a WAV file we can read.</exception>
    public static float[] Load(string path)
    {
        using var reader = WavReader.Open(path);
        return Load(reader);
    }

    /// <exception cref="WavFormatException">The stream does not hold a WAV file we can read.</exception>
    public static float[] Load(Stream stream)
    {
        using var reader = WavReader.Open(stream, leaveOpen: true);
        return Load(reader);
    }

    private static float[] Load(WavReader reader)
    {
        var resampler = new Resampler(reader.SampleRate);
        var result = new GrowableSamples(reader.FrameCount is { } fileFrames
            ? Resampler.OutputLengthFor(fileFrames, reader.SampleRate, Resampler.WhisperRate)
            : null);
        var interleaved = new float[BlockFrames * reader.Channels];
        var mono = new float[BlockFrames];
        var resampled = new float[resampler.MaxOutputFor(BlockFrames)];
        int count;
        while ((count = reader.Read(interleaved)) > 0)
        {
            var frames = MonoDownmix.Downmix(interleaved.AsSpan(0, count), reader.Channels, mono);
            var written = resampler.Process(mono.AsSpan(0, frames), resampled);
            result.Add(resampled.AsSpan(0, written));
        }

        var last = new float[resampler.PendingOutputCount];
        result.Add(last.AsSpan(0, resampler.Flush(last)));
        return result.ToArray();
    }
}
