using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Speech.Synthetic;
using IdeTracker.Core.Tests.Speech.Audio;
using IdeTracker.Core.Tests.Speech.Native;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Cli;

namespace IdeTracker.Server.Tests.Cli;

/// <summary>`ide-tracker transcribe` run as the built executable (its apphost, and through dotnet as the extension
/// may start the server), on a synthetic micro model: structure and timings, never words — except the real-model test.</summary>
public sealed class TranscribeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _micro = SyntheticModels.Path(SyntheticModelShape.Micro);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Json_output_has_ordered_segments_inside_the_audio_with_its_length_and_language(bool throughDotnet)
    {
        var audio = _temp.WriteBytes("tone.wav", SpeechClips.Warble(3, sampleRate: 44_100));

        var (code, output, error) = BuiltExecutable.Run(throughDotnet, null, "transcribe", audio, "--model", _micro, "--json", "--threads", "2");

        Assert.True(code == 0, error);
        AssertTimedSegments(output, audio, 3_000);
    }

    [FactWhenInstalled("espeak-ng")]
    public void Speech_made_by_espeak_ng_transcribes_to_text_and_timed_segments()
    {
        var audio = _temp.Combine("spoken.wav");
        using (var espeak = Process.Start("espeak-ng", ["-w", audio, "learning rate three e minus four"]))
        {
            Assert.True(espeak.WaitForExit(TimeSpan.FromSeconds(60)), "espeak-ng did not finish");
        }

        var json = BuiltExecutable.Run(false, null, "transcribe", audio, "--model", _micro, "--json");
        var text = BuiltExecutable.Run(false, null, "transcribe", audio, "--model", _micro);

        Assert.True(json.Code == 0, json.Err);
        var length = AssertTimedSegments(json.Out, audio, null);
        Assert.InRange(length, 1_000, 10_000);
        Assert.Equal(0, text.Code);
    }

    [Fact]
    public void Without_a_model_it_says_where_it_looked_and_how_to_get_one()
    {
        var cache = _temp.Combine("cache");
        var audio = _temp.WriteBytes("tone.wav", SpeechClips.Warble(1));

        var (code, output, error) = BuiltExecutable.Run(false, new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache }, "transcribe", audio);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var expected = Path.Combine(cache, "ide-tracker", "models", "ggml-tiny.en.bin");
        Assert.Contains($"Looked at: {expected}.", error);
        Assert.Contains($"download {WhisperModels.TinyEn.DownloadUrl(WhisperModels.DefaultBaseUrl)} to {expected}", error);
    }

    [Fact]
    public void A_file_that_is_not_a_wav_fails_naming_it()
    {
        var audio = _temp.Write("note.wav", "not audio");

        var (code, output, error) = BuiltExecutable.Run(false, null, "transcribe", audio, "--model", _micro);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"ide-tracker transcribe: {audio}: ", error);
    }

    [Fact]
    public void Arguments_that_do_not_parse_say_why()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(2, CliCommands.Run(["transcribe", "a.wav", "--threads", "0"], output, error));
        Assert.StartsWith("ide-tracker transcribe: --threads takes a whole number of at least 1, not '0'", error.ToString());
        Assert.Equal(2, CliCommands.Run(["transcribe"], output, error));
    }

    [Fact]
    public void The_usage_lists_transcribe_but_not_the_test_only_synthetic_model_verb()
    {
        Assert.Contains("ide-tracker transcribe <audio file>", CliCommands.Usage);
        Assert.DoesNotContain(SyntheticModelCommand.Verb, CliCommands.Usage);
    }

    [Fact]
    public async Task The_synthetic_model_verb_writes_a_model_the_verifier_accepts()
    {
        var path = _temp.Combine("models", "micro.bin");
        var output = new StringWriter();

        Assert.Equal(0, CliCommands.Run([SyntheticModelCommand.Verb, path, "--shape", "micro", "--seed", "9"], output, new StringWriter()));

        Assert.StartsWith($"Wrote {path} (Micro, seed 9, ", output.ToString());
        Assert.True((await ModelVerifier.VerifyAsync(path, new WhisperModel("x", "micro.bin", null, null), CancellationToken.None)).IsValid);
    }

    [FactWhenRealModel]
    public void With_a_real_tiny_en_model_spoken_words_come_out()
    {
        if (Installed.Find("espeak-ng") is null)
        {
            Assert.Fail("the real-model test needs espeak-ng on PATH (apt-get install -y espeak-ng)");
        }

        var audio = _temp.Combine("spoken.wav");
        using (var espeak = Process.Start("espeak-ng", ["-s", "140", "-w", audio, "The learning rate was too high, so the loss diverged."]))
        {
            Assert.True(espeak.WaitForExit(TimeSpan.FromSeconds(60)), "espeak-ng did not finish");
        }

        var (code, output, error) = BuiltExecutable.Run(false, null, "transcribe", audio, "--model", FactWhenRealModelAttribute.Path!);

        Assert.True(code == 0, error);
        var text = output.ToLowerInvariant();
        Assert.Contains("learning rate", text);
        Assert.Contains("loss", text);
    }

    [FactWhenRealModel]
    public void With_a_real_tiny_en_model_silence_is_said_plainly_and_is_not_an_error()
    {
        var audio = _temp.WriteBytes("quiet.wav", SpeechClips.Silence(4));

        var (code, output, error) = BuiltExecutable.Run(false, null, "transcribe", audio, "--model", FactWhenRealModelAttribute.Path!);

        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Contains($"No speech heard in {audio}", error);
    }

    /// <returns>The audio length the output states.</returns>
    private static long AssertTimedSegments(string json, string audio, long? expectedMs)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(audio, root.GetProperty("audioPath").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        var length = root.GetProperty("audioMs").GetInt64();
        if (expectedMs is { } expected)
        {
            Assert.Equal(expected, length);
        }

        long previous = 0;
        foreach (var segment in root.GetProperty("segments").EnumerateArray())
        {
            var start = segment.GetProperty("startMs").GetInt64();
            var end = segment.GetProperty("endMs").GetInt64();
            Assert.InRange(start, previous, length);
            Assert.InRange(end, start, length);
            Assert.Equal(JsonValueKind.String, segment.GetProperty("text").ValueKind);
            previous = start;
        }

        return length;
    }
}
