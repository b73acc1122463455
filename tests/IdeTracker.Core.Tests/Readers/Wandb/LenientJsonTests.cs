using System.Text;
using IdeTracker.Core.Readers.Wandb;

namespace IdeTracker.Core.Tests.Readers.Wandb;

public sealed class LenientJsonTests
{
    [Fact]
    public void Python_literals_are_numbers_and_numbers_keep_their_text()
    {
        var json = Parse("""{"a": NaN, "b": Infinity, "c": -Infinity, "d": 1e-05, "e": -0.5, "f": [true, false, null]}""");

        Assert.True(double.IsNaN(json["a"]!.Number));
        Assert.Equal(double.PositiveInfinity, json["b"]!.Number);
        Assert.Equal(double.NegativeInfinity, json["c"]!.Number);
        Assert.Equal("1e-05", json["d"]!.Text);
        Assert.Equal(-0.5, json["e"]!.Number);
        Assert.Equal([JsonKind.True, JsonKind.False, JsonKind.Null], json["f"]!.Items.Select(i => i.Kind));
    }

    [Fact]
    public void Escapes_and_non_ascii_text_are_decoded()
    {
        var json = Parse("""{"name": "caf\u00e9 \"quoted\" \\ tab\t", "raw": "naïve"}""");

        Assert.Equal("café \"quoted\" \\ tab\t", json["name"]!.Text);
        Assert.Equal("naïve", json["raw"]!.Text);
    }

    [Theory]
    [InlineData("""{"a": 1,}""", 8)]
    [InlineData("""{"a": 1} extra""", 9)]
    [InlineData("""{"a": "no end}""", 6)]
    [InlineData("""[1, 2""", 5)]
    [InlineData("""{"a": nope}""", 6)]
    [InlineData("", 0)]
    public void Invalid_text_gives_null_and_where_it_went_wrong(string text, int offset)
    {
        Assert.Null(LenientJson.Parse(Encoding.UTF8.GetBytes(text), out var error, out var at));
        Assert.NotNull(error);
        Assert.Equal(offset, at);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = new string('[', LenientJson.MaxDepth + 1) + new string(']', LenientJson.MaxDepth + 1);
        var fine = new string('[', LenientJson.MaxDepth) + new string(']', LenientJson.MaxDepth);

        Assert.Null(LenientJson.Parse(Encoding.UTF8.GetBytes(deep)));
        Assert.NotNull(LenientJson.Parse(Encoding.UTF8.GetBytes(fine)));
    }

    private static JsonValue Parse(string text) => LenientJson.Parse(Encoding.UTF8.GetBytes(text)) ?? throw new InvalidOperationException(text);
}
