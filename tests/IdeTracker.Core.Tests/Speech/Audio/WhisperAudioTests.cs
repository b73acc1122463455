using System.Diagnostics;
using System.Globalization;
using IdeTracker.Core.Speech.Audio;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Audio;

public sealed class WhisperAudioTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_stereo_44_1_kHz_file_becomes_16_kHz_mono_of_the_same_length_and_tone()
    {
        using var folder = new TempDirectory();
        var frames = 44_100 * 2;
        var stereo = Enumerable.Range(0, frames * 2).Select(i => 0.5 * Math.Sin(2 * Math.PI * 1_000 * (i / 2) / 44_100.0)).ToArray();
        var path = folder.Combine("note.wav");
        File.WriteAllBytes(path, TestWav.Build(stereo, 2, 44_100, SampleEncoding.Pcm16));

        var samples = WhisperAudio.Load(path);

        Assert.Equal(32_000, samples.Length);
        Assert.InRange(Tone.Decibels(Tone.Amplitude(samples.AsSpan(1_600, 28_800), 1_000, 16_000) / 0.5), -1, 1);
    }

    [Fact]
    public void Channels_are_averaged_before_resampling()
    {
        // Left and right in opposite phase cancel: the mono result is silence.
        var frames = 8_000;
        var stereo = Enumerable.Range(0, frames * 2).Select(i => (i % 2 == 0 ? 0.5 : -0.5) * Math.Sin(i / 2 * 0.3)).ToArray();

        var samples = WhisperAudio.Load(new MemoryStream(TestWav.Build(stereo, 2, 8_000, SampleEncoding.Float32)));

        Assert.Equal(16_000, samples.Length);
        Assert.True(Tone.Rms(samples) < 1e-6);
    }

    [Fact]
    public void A_pipe_of_unknown_length_gives_what_the_file_gives()
    {
        var bytes = TestWav.Build(TestWav.Sine(300, 22_050, 30_000, 2), 2, 22_050, SampleEncoding.Pcm24);
        bytes.AsSpan(bytes.Length - (30_000 * 6) - 4, 4).Fill(0xFF);

        Assert.Equal(WhisperAudio.Load(new MemoryStream(bytes)), WhisperAudio.Load(new ForwardOnlyStream(bytes, chunk: 4_000)));
    }

    [Fact]
    public void An_empty_recording_is_an_empty_result_not_an_error()
    {
        var bytes = TestWav.Build([], 1, 44_100, SampleEncoding.Pcm16);

        Assert.Empty(WhisperAudio.Load(new MemoryStream(bytes)));
    }

    [FactWhenInstalled("espeak-ng", "sox", "soxi")]
    public void Speech_made_by_espeak_ng_and_sox_loads_as_non_silent_16_kHz_mono_of_the_same_duration()
    {
        using var folder = new TempDirectory();
        var spoken = folder.Combine("spoken.wav");
        var stereo = folder.Combine("stereo-44k.wav");
        Run("espeak-ng", "-w", spoken, "Tried a learning rate of three e minus four; validation loss went down.");
        Run("sox", spoken, "-r", "44100", "-c", "2", "-b", "16", stereo);
        var seconds = double.Parse(Run("soxi", "-D", stereo), CultureInfo.InvariantCulture);

        var samples = WhisperAudio.Load(stereo);
        using var sox = Start("sox", stereo, "-t", "wav", "-");
        var fromPipe = WhisperAudio.Load(sox.StandardOutput.BaseStream);
        Assert.True(sox.WaitForExit(ToolTimeout), "sox did not finish");

        Assert.InRange(samples.Length / 16_000.0, seconds - 0.001, seconds + 0.001);
        Assert.True(Tone.Rms(samples) > 0.01, $"the speech is near silent: RMS {Tone.Rms(samples)}");
        Assert.Equal(samples, fromPipe);
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Start(program, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(ToolTimeout), $"{program} did not finish within {ToolTimeout}");
        Assert.True(process.ExitCode == 0, $"{program} failed: {error.Result}");
        return output.Result.Trim();
    }

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
    }
}
