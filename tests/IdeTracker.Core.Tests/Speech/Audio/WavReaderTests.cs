using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Audio;

public sealed class WavReaderTests
{
    public static TheoryData<SampleEncoding, int, bool> Formats()
    {
        var data = new TheoryData<SampleEncoding, int, bool>();
        foreach (var encoding in Enum.GetValues<SampleEncoding>())
        {
            foreach (var channels in new[] { 1, 2, 6 })
            {
                data.Add(encoding, channels, false);
                data.Add(encoding, channels, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reads_every_sample_format_and_channel_count_back_as_the_sines_written(SampleEncoding encoding, int channels, bool extensible)
    {
        using var folder = new TempDirectory();
        var written = TestWav.Sine(440, 22_050, 2_205, channels);
        var path = folder.Combine("tone.wav");
        File.WriteAllBytes(path, TestWav.Build(written, channels, 22_050, encoding, extensible));

        var clip = WavReader.ReadAll(path);

        Assert.Equal(22_050, clip.SampleRate);
        Assert.Equal(channels, clip.Channels);
        Assert.Equal(2_205, clip.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(0.1), clip.Duration);
        AssertClose(written, clip.Samples, TestWav.Tolerance(encoding));
    }

    [Theory]
    [InlineData(SampleEncoding.Pcm8, new byte[] { 0, 128, 255 }, new[] { -1.0, 0.0, 127 / 128.0 })]
    [InlineData(SampleEncoding.Pcm16, new byte[] { 0x00, 0x80, 0x00, 0x00, 0xFF, 0x7F }, new[] { -1.0, 0.0, 32767 / 32768.0 })]
    [InlineData(SampleEncoding.Pcm24, new byte[] { 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF }, new[] { -1.0, -1 / 8388608.0 })]
    public void Full_scale_integer_samples_map_to_minus_one_and_just_under_one(SampleEncoding encoding, byte[] data, double[] expected)
    {
        var bytes = TestWav.Riff(TestWav.Fmt(1, 8_000, encoding), TestWav.Chunk("data", data));

        var clip = WavReader.ReadAll(new MemoryStream(bytes));

        AssertClose(expected, clip.Samples, 1e-9);
    }

    [Fact]
    public void Float_samples_beyond_full_scale_are_clamped_and_NaN_becomes_silence()
    {
        var data = TestWav.Samples([1.5, -3, double.NaN, 0.25], SampleEncoding.Float32);
        var bytes = TestWav.Riff(TestWav.Fmt(1, 8_000, SampleEncoding.Float32), TestWav.Chunk("data", data));

        Assert.Equal([1f, -1f, 0f, 0.25f], WavReader.ReadAll(new MemoryStream(bytes)).Samples);
    }

    [Fact]
    public void Skips_unknown_chunks_in_any_order_with_their_odd_size_padding()
    {
        var samples = TestWav.Sine(1000, 8_000, 101, 1);
        var bytes = TestWav.Riff(
            TestWav.Chunk("LIST", [1, 2, 3, 4, 5]),
            TestWav.Chunk("junk", new byte[7]),
            TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16),
            TestWav.Chunk("fact", TestWav.UInt32(101)),
            TestWav.Chunk("data", TestWav.Samples(samples, SampleEncoding.Pcm16)),
            TestWav.Chunk("id3 ", new byte[3]));

        var clip = WavReader.ReadAll(new MemoryStream(bytes));

        AssertClose(samples, clip.Samples, TestWav.Tolerance(SampleEncoding.Pcm16));
    }

    [Fact]
    public void Reads_a_file_whose_data_chunk_comes_before_its_fmt_chunk()
    {
        var samples = TestWav.Sine(500, 8_000, 99, 1);
        var bytes = TestWav.Riff(
            TestWav.Chunk("data", TestWav.Samples(samples, SampleEncoding.Pcm8)),
            TestWav.Chunk("LIST", new byte[3]),
            TestWav.Fmt(1, 8_000, SampleEncoding.Pcm8));

        AssertClose(samples, WavReader.ReadAll(new MemoryStream(bytes)).Samples, TestWav.Tolerance(SampleEncoding.Pcm8));
    }

    [Fact]
    public void A_stream_that_cannot_seek_back_to_data_before_fmt_gets_a_clear_error()
    {
        var bytes = TestWav.Riff(TestWav.Chunk("data", new byte[4]), TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16));

        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new ForwardOnlyStream(bytes)));

        Assert.Equal("data chunk at byte 12 comes before the fmt chunk, and this stream cannot go back to it", error.Message);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x7FFFFFF0u)]
    public void A_data_size_left_unwritten_by_a_streaming_writer_reads_to_the_end(uint declaredSize)
    {
        var samples = TestWav.Sine(1000, 16_000, 1_601, 2);
        var bytes = TestWav.Riff(
            TestWav.Fmt(2, 16_000, SampleEncoding.Pcm16),
            TestWav.Chunk("data", TestWav.Samples(samples, SampleEncoding.Pcm16), declaredSize));

        var fromFile = WavReader.ReadAll(new MemoryStream(bytes));
        var fromPipe = WavReader.ReadAll(new ForwardOnlyStream(bytes, chunk: 333));

        AssertClose(samples, fromFile.Samples, TestWav.Tolerance(SampleEncoding.Pcm16));
        Assert.Equal(fromFile.Samples, fromPipe.Samples);
    }

    [Fact]
    public void A_file_with_an_empty_data_chunk_is_a_valid_empty_clip()
    {
        var bytes = TestWav.Riff(TestWav.Fmt(2, 44_100, SampleEncoding.Pcm16), TestWav.Chunk("data", []));

        var clip = WavReader.ReadAll(new MemoryStream(bytes));

        Assert.Empty(clip.Samples);
        Assert.Equal(TimeSpan.Zero, clip.Duration);
        Assert.Equal(44_100, clip.SampleRate);
    }

    [Fact]
    public void A_partial_last_frame_is_dropped()
    {
        var bytes = TestWav.Riff(TestWav.Fmt(2, 8_000, SampleEncoding.Pcm16), TestWav.Chunk("data", new byte[4 * 3 + 3]));

        Assert.Equal(3, WavReader.ReadAll(new MemoryStream(bytes)).FrameCount);
    }

    [Fact]
    public void Reading_in_small_blocks_gives_the_same_samples_as_reading_whole()
    {
        var bytes = TestWav.Build(TestWav.Sine(300, 8_000, 50_000, 3), 3, 8_000, SampleEncoding.Pcm24);
        var whole = WavReader.ReadAll(new MemoryStream(bytes)).Samples;

        using var reader = WavReader.Open(new MemoryStream(bytes));
        var blocks = new List<float>();
        var block = new float[3 * 7 + 2];
        int count;
        while ((count = reader.Read(block)) > 0)
        {
            Assert.Equal(0, count % 3);
            blocks.AddRange(block.AsSpan(0, count));
        }

        Assert.Equal(50_000, reader.FrameCount);
        Assert.Equal(whole, blocks);
    }

    [Theory]
    [InlineData(new byte[0], "not a WAV file: it is empty (0 bytes)")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0xFF, 0xFB }, "not a WAV file: starts with 'ID3\\x04'")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64, 0x00 }, "not a WAV file: starts with '\\xFF\\xFB\\x90d'")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x10 }, "WAV header cut short: the file is 5 bytes, a RIFF header takes 12")]
    public void Files_that_are_not_WAV_say_what_they_start_with(byte[] bytes, string message)
    {
        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_text_file_is_not_a_WAV_file()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("notes.wav", "Tried lr 3e-4 today, loss went down.\n");

        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(path));

        Assert.Equal("not a WAV file: starts with 'Trie'", error.Message);
        Assert.Equal(0, error.ByteOffset);
    }

    [Fact]
    public void A_RIFF_file_of_another_type_is_named()
    {
        byte[] bytes = [.. "RIFF"u8, 4, 0, 0, 0, .. "AVI "u8];

        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes)));

        Assert.Equal("not a WAV file: a RIFF file of type 'AVI ', not 'WAVE'", error.Message);
    }

    [Fact]
    public void A_short_fmt_chunk_is_located()
    {
        var bytes = TestWav.Riff(TestWav.Chunk("fmt ", new byte[14]), TestWav.Chunk("data", new byte[4]));

        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes)));

        Assert.Equal("fmt chunk at byte 12 is 14 bytes, expected at least 16", error.Message);
        Assert.Equal(12, error.ByteOffset);
    }

    [Fact]
    public void A_compressed_format_is_named_as_unsupported()
    {
        var fmt = TestWav.Fmt(2, 44_100, SampleEncoding.Pcm16);
        fmt[8] = 0x55;
        var bytes = TestWav.Riff(TestWav.Chunk("LIST", new byte[10]), fmt, TestWav.Chunk("data", new byte[400]));

        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes)));

        Assert.StartsWith("unsupported format 0x0055 (MP3) in the fmt chunk at byte 30", error.Message);
    }

    [Fact]
    public void An_extensible_header_with_a_foreign_sub_format_is_rejected_by_its_GUID()
    {
        var fmt = TestWav.Fmt(2, 44_100, SampleEncoding.Pcm16, extensible: true);
        fmt[8 + 24 + 15] = 0x00;

        var error = Assert.Throws<WavFormatException>(() =>
            WavReader.ReadAll(new MemoryStream(TestWav.Riff(fmt, TestWav.Chunk("data", new byte[4])))));

        Assert.StartsWith("unsupported extensible sub-format 00000001-0000-0010-8000-00aa00389b00", error.Message);
    }

    [Fact]
    public void An_extensible_header_too_short_for_its_sub_format_is_located()
    {
        var fmt = TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16);
        fmt[8] = 0xFE;
        fmt[9] = 0xFF;

        var error = Assert.Throws<WavFormatException>(() =>
            WavReader.ReadAll(new MemoryStream(TestWav.Riff(fmt, TestWav.Chunk("data", new byte[4])))));

        Assert.Equal("extensible fmt chunk at byte 12 is 16 bytes, expected 40", error.Message);
    }

    [Theory]
    [InlineData(2, 2, 0u, "fmt chunk at byte 12 says 0 channels")]
    [InlineData(4, 4, 0u, "fmt chunk at byte 12 says a sample rate of 0 Hz")]
    [InlineData(4, 4, 0x80000000u, "fmt chunk at byte 12 says a sample rate of 2147483648 Hz")]
    [InlineData(12, 2, 3u, "fmt chunk at byte 12 says frames of 3 bytes, but 1 channel of 16 bits take 2")]
    [InlineData(14, 2, 33u, "unsupported PCM sample size of 33 bits in the fmt chunk at byte 12")]
    public void Impossible_fmt_fields_are_named(int field, int width, uint value, string message)
    {
        var fmt = TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16);
        (width == 2 ? TestWav.UInt16((ushort)value) : TestWav.UInt32(value)).CopyTo(fmt, 8 + field);

        var error = Assert.Throws<WavFormatException>(() =>
            WavReader.ReadAll(new MemoryStream(TestWav.Riff(fmt, TestWav.Chunk("data", new byte[4])))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_file_without_a_data_chunk_says_so()
    {
        var bytes = TestWav.Riff(TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16), TestWav.Chunk("LIST", new byte[6]));

        Assert.Equal("no data chunk", Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes))).Message);
    }

    [Fact]
    public void A_file_without_a_fmt_chunk_says_so()
    {
        var bytes = TestWav.Riff(TestWav.Chunk("data", new byte[6]));

        Assert.Equal("no fmt chunk: the sample format is unknown", Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes))).Message);
    }

    [Fact]
    public void A_fmt_size_past_the_end_of_the_file_is_an_error_not_an_allocation()
    {
        var fmt = TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16);
        fmt.AsSpan(4, 4).Fill(0xFF);

        var error = Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(TestWav.Riff(fmt))));

        Assert.Equal("fmt chunk at byte 12 is cut short: it says 4,294,967,295 bytes, the file ends 16 bytes into it", error.Message);
    }

    [Fact]
    public void Hostile_sizes_never_allocate_more_than_the_file_holds()
    {
        var bytes = TestWav.Riff(
            TestWav.Chunk("LIST", new byte[2], declaredSize: 2),
            TestWav.Fmt(4_096, 8_000, SampleEncoding.Float64),
            TestWav.Chunk("data", new byte[4_096 * 8 * 2], declaredSize: 0xFFFFFFFE));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var clip = WavReader.ReadAll(new MemoryStream(bytes));

        Assert.Equal(2, clip.FrameCount);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * bytes.Length);
    }

    [Fact]
    public void An_unknown_chunk_claiming_gigabytes_before_the_data_ends_the_search_with_no_data_chunk()
    {
        var bytes = TestWav.Riff(
            TestWav.Fmt(1, 8_000, SampleEncoding.Pcm16),
            TestWav.Chunk("LIST", new byte[10], declaredSize: 0xFFFFFF00),
            TestWav.Chunk("data", new byte[100]));

        Assert.Equal("no data chunk", Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new MemoryStream(bytes))).Message);
        Assert.Equal("no data chunk", Assert.Throws<WavFormatException>(() => WavReader.ReadAll(new ForwardOnlyStream(bytes))).Message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_gives_a_prefix_of_its_samples_or_a_WavFormatException()
    {
        var samples = TestWav.Sine(700, 8_000, 40, 2);
        var bytes = TestWav.Riff(
            TestWav.Chunk("LIST", new byte[5]),
            TestWav.Fmt(2, 8_000, SampleEncoding.Pcm24, extensible: true),
            TestWav.Chunk("data", TestWav.Samples(samples, SampleEncoding.Pcm24)),
            TestWav.Chunk("fact", new byte[4]));
        var whole = WavReader.ReadAll(new MemoryStream(bytes)).Samples;

        for (var length = 0; length <= bytes.Length; length++)
        {
            Assert.True(WavFileProperties.TruncatedReadsAPrefixOrFails(bytes[..length], whole), $"cut at {length} bytes");
        }
    }

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<float> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
            {
                Assert.Fail($"sample {i}: expected {expected[i]}, read {actual[i]} (tolerance {tolerance})");
            }
        }
    }
}
