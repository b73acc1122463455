using IdeTracker.Core.Speech.Models;

namespace IdeTracker.Core.Tests.Speech.Models;

public sealed class ModelCacheFolderTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Xdg_cache_home_is_used_when_set() =>
        Assert.Equal(Path.Combine("/var/cache/me", "ide-tracker", "models"),
            ModelCacheFolder.Resolve(Environment(("XDG_CACHE_HOME", "/var/cache/me")), isWindows: false, home: "/home/me"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/cache")]
    public void Without_a_usable_xdg_cache_home_it_is_dot_cache_in_home(string? xdg) =>
        Assert.Equal(Path.Combine("/home/me", ".cache", "ide-tracker", "models"),
            ModelCacheFolder.Resolve(xdg is null ? Environment() : Environment(("XDG_CACHE_HOME", xdg)), isWindows: false, home: "/home/me"));

    [Fact]
    public void On_windows_it_is_under_local_app_data() =>
        Assert.Equal(Path.Combine("/users/me/local", "ide-tracker", "models"),
            ModelCacheFolder.Resolve(Environment(("LOCALAPPDATA", "/users/me/local"), ("XDG_CACHE_HOME", "/ignored")), isWindows: true, home: "/users/me"));
}
