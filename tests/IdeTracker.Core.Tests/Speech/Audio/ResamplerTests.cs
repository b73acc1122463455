using IdeTracker.Core.Speech.Audio;

namespace IdeTracker.Core.Tests.Speech.Audio;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(22_050)]
    [InlineData(8_000)]
    [InlineData(44_099)]
    public void A_1_kHz_tone_keeps_its_frequency_and_amplitude_at_16_kHz(int rate)
    {
        var output = Resampler.Resample(Tone.Sine(1_000, rate, rate), rate);
        // The middle 0.8 s: a whole number of 1 kHz cycles, clear of the filter's edges.
        var middle = output.AsSpan(1_600, 12_800);

        Assert.InRange(Tone.Decibels(Tone.Amplitude(middle, 1_000, 16_000) / 0.5), -1, 1);
        Assert.InRange(Tone.ZeroCrossings(middle), 1_599, 1_601);
    }

    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(8_000)]
    public void The_result_matches_the_tone_sampled_at_16_kHz_directly(int rate)
    {
        var output = Resampler.Resample(Tone.Sine(1_000, rate, rate / 2), rate);
        var expected = Tone.Sine(1_000, 16_000, output.Length);

        for (var i = 400; i < output.Length - 400; i++)
        {
            Assert.True(Math.Abs(expected[i] - output[i]) < 0.005, $"sample {i}: expected {expected[i]}, got {output[i]}");
        }
    }

    [Theory]
    [InlineData(44_100, 10_000)]
    [InlineData(48_000, 10_000)]
    [InlineData(48_000, 12_000)]
    [InlineData(44_100, 20_000)]
    public void Tones_above_the_new_Nyquist_are_attenuated_by_at_least_40_dB(int rate, int frequency)
    {
        var output = Resampler.Resample(Tone.Sine(frequency, rate, rate), rate);

        Assert.True(Tone.Decibels(Tone.Rms(output.AsSpan(1_600, 12_800)) / (0.5 / Math.Sqrt(2))) <= -40);
    }

    [Theory]
    [InlineData(44_100, 44_100, 16_000)]
    [InlineData(48_000, 1, 1)]
    [InlineData(8_000, 8_001, 16_002)]
    [InlineData(11_025, 3, 5)]
    [InlineData(96_000, 0, 0)]
    [InlineData(16_000, 777, 777)]
    [InlineData(44_099, 100_000, 36_283)]
    public void The_length_is_the_input_length_scaled_by_the_rates_rounded_up(int rate, int inputLength, int outputLength)
    {
        Assert.Equal(outputLength, Resampler.Resample(Tone.Sine(300, rate, inputLength), rate).Length);
        Assert.Equal(outputLength, Resampler.OutputLengthFor(inputLength, rate, 16_000));
    }

    [Theory]
    [InlineData(44_100, 1)]
    [InlineData(44_100, 13)]
    [InlineData(48_000, 4_096)]
    [InlineData(8_000, 7)]
    [InlineData(44_099, 1_000)]
    [InlineData(16_000, 33)]
    public void Resampling_in_blocks_equals_resampling_whole(int rate, int maxBlock)
    {
        var input = Tone.Sine(440, rate, rate / 4).Select((x, i) => x + (0.1f * MathF.Sin(i * 0.37f))).ToArray();
        var whole = Resampler.Resample(input, rate);

        var random = new Random(maxBlock);
        var resampler = new Resampler(rate);
        var blocks = new List<float>();
        for (var at = 0; at < input.Length;)
        {
            var length = Math.Min(input.Length - at, random.Next(1, maxBlock + 1));
            var output = new float[resampler.MaxOutputFor(length)];
            blocks.AddRange(output.AsSpan(0, resampler.Process(input.AsSpan(at, length), output)));
            at += length;
        }

        var tail = new float[resampler.PendingOutputCount];
        blocks.AddRange(tail.AsSpan(0, resampler.Flush(tail)));

        Assert.Equal(whole, blocks);
    }

    [Fact]
    public void At_16_kHz_samples_pass_through_unchanged()
    {
        var input = Tone.Sine(3_000, 16_000, 1_000);

        Assert.Equal(input, Resampler.Resample(input, 16_000));
    }

    [Fact]
    public void A_constant_stays_constant()
    {
        var output = Resampler.Resample(Enumerable.Repeat(0.25f, 44_100).ToArray(), 44_100);

        Assert.All(output.AsSpan(200, output.Length - 400).ToArray(), x => Assert.Equal(0.25f, x, 1e-4f));
    }

    [Fact]
    public void Nothing_in_gives_nothing_out()
    {
        Assert.Empty(Resampler.Resample([], 44_100));
    }

    [Fact]
    public void Processing_after_flush_is_refused()
    {
        var resampler = new Resampler(8_000);
        resampler.Flush(new float[resampler.PendingOutputCount]);

        Assert.Throws<InvalidOperationException>(() => resampler.Process(new float[4], new float[16]));
    }
}
