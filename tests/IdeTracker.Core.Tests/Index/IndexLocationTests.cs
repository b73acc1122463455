using IdeTracker.Core.Index;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexLocationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void The_cli_index_lives_under_the_XDG_cache_in_a_folder_named_by_a_hash()
    {
        var workspace = Directory.CreateDirectory(temp.Combine("ws")).FullName;

        var path = IndexLocation.DefaultCliPath(workspace, Env(("XDG_CACHE_HOME", "/xdg"), ("HOME", "/home/ada")));

        Assert.Matches(@"^/xdg/ide-tracker/[0-9a-f]{16}/index\.db$", path);
    }

    [Fact]
    public void Without_an_absolute_XDG_cache_the_home_cache_is_used()
    {
        var workspace = Directory.CreateDirectory(temp.Combine("ws")).FullName;

        Assert.StartsWith("/home/ada/.cache/ide-tracker/", IndexLocation.DefaultCliPath(workspace, Env(("HOME", "/home/ada"))), StringComparison.Ordinal);
        Assert.StartsWith(
            "/home/ada/.cache/ide-tracker/",
            IndexLocation.DefaultCliPath(workspace, Env(("XDG_CACHE_HOME", "relative"), ("HOME", "/home/ada"))),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_or_slash_ended_workspace_shares_the_index_and_another_does_not()
    {
        var workspace = Directory.CreateDirectory(temp.Combine("real", "ws")).FullName;
        var other = Directory.CreateDirectory(temp.Combine("real", "other")).FullName;
        var link = temp.Combine("link");
        Directory.CreateSymbolicLink(link, temp.Combine("real"));
        var env = Env(("HOME", "/h"));

        var direct = IndexLocation.DefaultCliPath(workspace, env);

        Assert.Equal(direct, IndexLocation.DefaultCliPath(Path.Combine(link, "ws"), env));
        Assert.Equal(direct, IndexLocation.DefaultCliPath(workspace + "/", env));
        Assert.NotEqual(direct, IndexLocation.DefaultCliPath(other, env));
        Assert.Equal(workspace, IndexLocation.RealPath(Path.Combine(link, "ws")));
    }

    [Fact]
    public void The_public_default_uses_this_users_cache()
    {
        var path = IndexStore.DefaultCliPath(temp.Path);

        Assert.Equal("index.db", Path.GetFileName(path));
        Assert.Matches("^[0-9a-f]{16}$", Path.GetFileName(Path.GetDirectoryName(path)));
        Assert.Equal("ide-tracker", Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))));
    }

    public void Dispose() => temp.Dispose();

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
