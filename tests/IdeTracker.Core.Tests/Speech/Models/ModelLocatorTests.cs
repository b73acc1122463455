using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Models;

public sealed class ModelLocatorTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string Cache => folder.Combine("cache", "ide-tracker", "models");

    [Fact]
    public void A_configured_file_is_used_whatever_its_name()
    {
        var configured = folder.Write("mine/whisper-small.bin", "lmgg");
        folder.Write($"cache/ide-tracker/models/{WhisperModels.TinyEn.FileName}", "lmgg");

        var location = new ModelLocator(configured, Cache).Locate(WhisperModels.TinyEn);

        Assert.Equal(configured, location.Path);
        Assert.Equal([configured], location.Searched);
    }

    [Fact]
    public void A_configured_folder_holding_the_file_name_is_used()
    {
        var model = folder.Write($"models/{WhisperModels.BaseEn.FileName}", "lmgg");

        var location = new ModelLocator(folder.Combine("models"), Cache).Locate(WhisperModels.BaseEn);

        Assert.True(location.Found);
        Assert.Equal(model, location.Path);
    }

    [Fact]
    public void The_cache_folder_is_used_when_nothing_is_configured_or_the_configured_folder_lacks_the_file()
    {
        var cached = folder.Write($"cache/ide-tracker/models/{WhisperModels.TinyEn.FileName}", "lmgg");
        Directory.CreateDirectory(folder.Combine("empty"));

        var unconfigured = new ModelLocator(null, Cache).Locate(WhisperModels.TinyEn);
        var fallenBack = new ModelLocator(folder.Combine("empty"), Cache).Locate(WhisperModels.TinyEn);

        Assert.Equal(cached, unconfigured.Path);
        Assert.Equal(cached, fallenBack.Path);
        Assert.Equal([folder.Combine("empty", WhisperModels.TinyEn.FileName), cached], fallenBack.Searched);
    }

    [Fact]
    public void Nothing_found_says_every_place_it_looked()
    {
        var configured = folder.Combine("nowhere", "model.bin");

        var location = new ModelLocator(configured, Cache).Locate(WhisperModels.TinyEn);

        Assert.False(location.Found);
        var cached = Path.Combine(Cache, "ggml-tiny.en.bin");
        Assert.Equal([configured, cached], location.Searched);
        Assert.Equal($"No Whisper model tiny.en (ggml-tiny.en.bin) found. Looked at: {configured}; {cached}.",
            location.Message(WhisperModels.TinyEn));
    }

    [Fact]
    public void A_blank_setting_counts_as_none()
    {
        var location = new ModelLocator("  ", Cache).Locate(WhisperModels.Tiny);

        Assert.Equal([Path.Combine(Cache, "ggml-tiny.bin")], location.Searched);
    }

    [Fact]
    public void Downloads_go_to_the_cache_under_the_published_file_name() =>
        Assert.Equal(Path.Combine(Cache, "ggml-base.bin"), new ModelLocator(null, Cache).CachePath(WhisperModels.Base));

    public void Dispose() => folder.Dispose();
}
