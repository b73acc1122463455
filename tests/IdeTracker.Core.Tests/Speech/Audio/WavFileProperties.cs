using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Audio;

/// <summary>Cut-short and damaged files: the reader gives the frames it can or a WavFormatException, never another
/// exception, whether it reads a file it can seek in or a pipe.</summary>
public sealed class WavFileProperties
{
    [Property(MaxTest = 300)]
    public bool Any_truncation_of_any_valid_file_reads_a_prefix_or_fails_clearly(
        byte encodingIndex, byte channelCount, byte frameCount, bool extensible, bool extraChunks, int cutSeed)
    {
        var encoding = (SampleEncoding)(encodingIndex % 6);
        var channels = 1 + (channelCount % 4);
        var samples = TestWav.Sine(440, 8_000, frameCount % 60, channels);
        byte[][] chunks = extraChunks
            ? [TestWav.Chunk("LIST", new byte[(frameCount % 7) + 1]), TestWav.Fmt(channels, 8_000, encoding, extensible),
                TestWav.Chunk("data", TestWav.Samples(samples, encoding)), TestWav.Chunk("id3 ", new byte[3])]
            : [TestWav.Fmt(channels, 8_000, encoding, extensible), TestWav.Chunk("data", TestWav.Samples(samples, encoding))];
        var bytes = TestWav.Riff(chunks);
        var whole = WavReader.ReadAll(new MemoryStream(bytes)).Samples;
        var cut = (int)((uint)cutSeed % (bytes.Length + 1));

        return TruncatedReadsAPrefixOrFails(bytes[..cut], whole);
    }

    [Property(MaxTest = 500)]
    public Property Damaged_files_give_a_clip_or_a_WavFormatException_and_nothing_else(int seed)
    {
        var random = new Random(seed);
        var samples = TestWav.Sine(440, 8_000, 30, 2);
        var original = TestWav.Riff(
            TestWav.Chunk("LIST", new byte[5]),
            TestWav.Fmt(2, 8_000, (SampleEncoding)random.Next(6), extensible: random.Next(2) == 0),
            TestWav.Chunk("data", TestWav.Samples(samples, SampleEncoding.Pcm16)));
        var damaged = ByteMutations.Mutate(original, random, (bytes, at, r) => bytes[at] = r.Next(2) == 0 ? (byte)0xFF : (byte)0);

        return (ReadsOrFailsClearly(new MemoryStream(damaged)) && ReadsOrFailsClearly(new ForwardOnlyStream(damaged, chunk: 7)))
            .Label($"seed {seed}");
    }

    /// <summary>True when <paramref name="cut"/> reads as a prefix of <paramref name="whole"/> (seekable and as a pipe,
    /// identically) or fails with a WavFormatException; any other exception escapes and fails the test.</summary>
    public static bool TruncatedReadsAPrefixOrFails(byte[] cut, float[] whole)
    {
        float[] fromFile;
        try
        {
            fromFile = WavReader.ReadAll(new MemoryStream(cut)).Samples;
        }
        catch (WavFormatException)
        {
            return ReadsOrFailsClearly(new ForwardOnlyStream(cut, chunk: 5));
        }

        var fromPipe = WavReader.ReadAll(new ForwardOnlyStream(cut, chunk: 5)).Samples;
        return fromFile.Length <= whole.Length && whole.AsSpan(0, fromFile.Length).SequenceEqual(fromFile) && fromPipe.SequenceEqual(fromFile);
    }

    private static bool ReadsOrFailsClearly(Stream stream)
    {
        try
        {
            WavReader.ReadAll(stream);
        }
        catch (WavFormatException error)
        {
            return error.Message.Length > 0;
        }

        return true;
    }
}
