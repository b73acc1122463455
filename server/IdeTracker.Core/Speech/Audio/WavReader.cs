using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Speech.Audio;

/// <summary>Reads a RIFF/WAVE file's samples as floats in [-1, 1], interleaved by frame, block by block
/// (<see cref="Read"/>) so that hours of audio never need to be held whole, or all at once (<see cref="ReadAll(string)"/>).
/// A file cut short gives the frames it holds; a partial last frame is dropped.</summary>
public sealed class WavReader : IDisposable
{
    private const int BlockBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly WavFormat format;
    private readonly byte[] buffer;
    private long bytesLeft;

    private WavReader(Stream stream, bool leaveOpen)
    {
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        var layout = WavHeaderParser.Read(stream);
        format = layout.Format;
        bytesLeft = layout.DataLength ?? long.MaxValue;
        FrameCount = layout.DataLength / format.BlockAlign;
        buffer = new byte[Math.Max(1, BlockBytes / format.BlockAlign) * format.BlockAlign];
    }

    public int SampleRate => format.SampleRate;

    public int Channels => format.Channels;

    /// <summary>Frames in the file, or null for a stream of unknown length (read until <see cref="Read"/> returns 0).</summary>
    public long? FrameCount { get; }

    /// <exception cref="WavFormatException">The file is not a WAV file we can read.</exception>
    public static WavReader Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return new WavReader(file, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads from <paramref name="stream"/>'s current position; a stream that cannot seek (a pipe) works as long
    /// as its fmt chunk comes before its data.</summary>
    /// <exception cref="WavFormatException">The stream does not hold a WAV file we can read.</exception>
    public static WavReader Open(Stream stream, bool leaveOpen = false) => new(stream, leaveOpen);

    public static AudioClip ReadAll(string path)
    {
        using var reader = Open(path);
        return reader.ReadToEnd();
    }

    public static AudioClip ReadAll(Stream stream)
    {
        using var reader = Open(stream, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>Fills <paramref name="samples"/> with as many whole frames as fit and the file still holds.</summary>
    /// <returns>The number of samples written (a multiple of <see cref="Channels"/>); 0 at the end.</returns>
    public int Read(Span<float> samples)
    {
        if (samples.Length < format.Channels)
        {
            throw new ArgumentException($"room for at least one frame of {Labels.Count(format.Channels, "sample")} is needed", nameof(samples));
        }

        var frames = (int)Math.Min(samples.Length / format.Channels, Math.Min(buffer.Length, bytesLeft) / format.BlockAlign);
        if (frames == 0)
        {
            return 0;
        }

        var wanted = frames * format.BlockAlign;
        var got = stream.ReadAtLeast(buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
        var whole = got / format.BlockAlign * format.BlockAlign;
        bytesLeft = got < wanted ? 0 : bytesLeft - got;
        var count = whole / format.BytesPerSample;
        WavSampleDecoder.Decode(buffer.AsSpan(0, whole), format, samples[..count]);
        return count;
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private AudioClip ReadToEnd()
    {
        int count;
        if (FrameCount is { } frames)
        {
            // The count comes from a size already checked against the file's length, so this is what the file holds.
            var total = frames * format.Channels;
            if (total > Array.MaxLength)
            {
                throw new WavFormatException($"{Labels.Count(total, "sample")} are too many to hold at once; read this file in blocks");
            }

            var all = new float[total];
            var filled = 0;
            while (filled < all.Length && (count = Read(all.AsSpan(filled))) > 0)
            {
                filled += count;
            }

            return new AudioClip(format.SampleRate, format.Channels, filled == all.Length ? all : all[..filled]);
        }

        var samples = new List<float>();
        var block = new float[buffer.Length / format.BytesPerSample];
        while ((count = Read(block)) > 0)
        {
            samples.AddRange(block.AsSpan(0, count));
        }

        return new AudioClip(format.SampleRate, format.Channels, [.. samples]);
    }
}
