using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Tests.Lsp;

public sealed class DocumentUrisTests
{
    [Theory]
    [InlineData("/home/me/runs/mlruns", "file:///home/me/runs/mlruns")]
    [InlineData("/home/me/my runs/a#b", "file:///home/me/my%20runs/a%23b")]
    [InlineData("/home/me/expériences/日本", "file:///home/me/exp%C3%A9riences/%E6%97%A5%E6%9C%AC")]
    [InlineData("/tmp/100%/x", "file:///tmp/100%25/x")]
    public void Paths_and_uris_convert_both_ways(string path, string uri)
    {
        Assert.Equal(uri, DocumentUris.FromPath(path));
        Assert.Equal(path, DocumentUris.ToPath(uri));
    }

    [Fact]
    public void An_escaped_colon_is_decoded()
    {
        Assert.Equal("/c:/Users/x", DocumentUris.ToPath("file:///c%3A/Users/x"));
    }

    [Fact]
    public void A_non_file_uri_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DocumentUris.ToPath("untitled:Untitled-1"));
    }
}
