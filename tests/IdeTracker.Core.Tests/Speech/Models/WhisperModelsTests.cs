using IdeTracker.Core.Speech.Models;

namespace IdeTracker.Core.Tests.Speech.Models;

public sealed class WhisperModelsTests
{
    [Fact]
    public void The_default_is_tiny_en() => Assert.Same(WhisperModels.TinyEn, WhisperModels.Default);

    [Fact]
    public void Each_model_has_its_own_file_and_a_sha1_of_forty_lower_case_hex_digits()
    {
        Assert.Equal(["tiny.en", "base.en", "tiny", "base"], WhisperModels.All.Select(model => model.Name));
        Assert.Equal(["ggml-tiny.en.bin", "ggml-base.en.bin", "ggml-tiny.bin", "ggml-base.bin"], WhisperModels.All.Select(model => model.FileName));
        Assert.All(WhisperModels.All, model => Assert.Matches("^[0-9a-f]{40}$", model.Sha1));
        Assert.Equal(4, WhisperModels.All.Select(model => model.Sha1).Distinct().Count());
    }

    [Fact]
    public void The_default_url_is_the_whisper_cpp_pattern() =>
        Assert.Equal("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-tiny.en.bin",
            WhisperModels.TinyEn.DownloadUrl(WhisperModels.DefaultBaseUrl).AbsoluteUri);

    [Theory]
    [InlineData("https://mirror.example/whisper")]
    [InlineData("https://mirror.example/whisper/")]
    public void A_mirror_url_keeps_its_last_folder_with_or_without_a_slash(string mirror) =>
        Assert.Equal("https://mirror.example/whisper/ggml-base.en.bin", WhisperModels.BaseEn.DownloadUrl(new Uri(mirror)).AbsoluteUri);

    [Theory]
    [InlineData("tiny.en", "ggml-tiny.en.bin")]
    [InlineData(" BASE ", "ggml-base.bin")]
    public void A_setting_names_a_model_in_any_case(string name, string fileName) =>
        Assert.Equal(fileName, WhisperModels.Find(name)?.FileName);

    [Fact]
    public void An_unknown_name_finds_nothing() => Assert.Null(WhisperModels.Find("large-v3"));
}
