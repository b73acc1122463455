using IdeTracker.Core.Configs;
using static IdeTracker.Core.Tests.Configs.ConfigText;

namespace IdeTracker.Core.Tests.Configs;

public sealed class JsonConfigParserTests
{
    private static ConfigDocument Parse(string text) => ConfigParser.Parse(text, ConfigSyntax.Json);

    [Fact]
    public void Objects_arrays_and_literals_give_paths_values_and_spans()
    {
        const string text = "{\n  \"optimizer\": {\"name\": \"adam\", \"lr\": 1e-3},\n  \"layers\": [64, 128],\n  \"flag\": true, \"none\": null,\n  \"items\": [{\"k\": -2.5}]\n}\n";
        var document = Parse(text);

        Assert.Equal(ConfigEntryKind.Section, Single(document, "optimizer").Kind);
        Assert.Equal("optimizer", At(text, Single(document, "optimizer").KeySpan));
        AssertScalar(text, document, "optimizer.name", "adam", "\"adam\"", "name");
        var lr = AssertScalar(text, document, "optimizer.lr", "1e-3", "1e-3", "lr");
        Assert.Equal(new TextSpan(1, 38, 1, 42), lr.ValueSpan);
        AssertScalar(text, document, "layers.0", "64", "64", "64");
        AssertScalar(text, document, "layers.1", "128", "128", "128");
        AssertScalar(text, document, "flag", "true", "true", "flag");
        AssertScalar(text, document, "none", "null", "null", "none");
        AssertScalar(text, document, "items.0.k", "-2.5", "-2.5", "k");
    }

    [Fact]
    public void Every_escape_is_decoded_including_surrogate_pairs()
    {
        const string text = "{\"s\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude80\"}";
        var document = Parse(text);

        var entry = Single(document, "s");
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t é 🚀", entry.Value);
        Assert.Equal(text[6..^1], At(text, entry.ValueSpan!.Value));
    }

    [Fact]
    public void Comments_and_trailing_commas_of_jsonc_are_accepted()
    {
        const string text = "// settings\n{\n  /* block\n  comment */ \"a\": 1, // one\n  \"b\": [1, 2,],\n}\n";
        var document = Parse(text);

        AssertScalar(text, document, "a", "1", "1", "a");
        AssertScalar(text, document, "b.1", "2", "2", "2");
        Assert.Equal(["a", "b", "b.0", "b.1"], document.Entries.Select(e => e.DottedPath));
    }

    [Fact]
    public void Escaped_and_non_ascii_keys_are_decoded_with_spans_inside_the_quotes()
    {
        const string text = "{\"学习率\": 0.1, \"🚀\": 2, \"a\\\"b\": 3}";
        var document = Parse(text);

        AssertScalar(text, document, "学习率", "0.1", "0.1", "学习率");
        var rocket = AssertScalar(text, document, "🚀", "2", "2", "🚀");
        Assert.Equal(new TextSpan(0, 14, 0, 16), rocket.KeySpan);
        AssertScalar(text, document, "a\"b", "3", "3", "a\\\"b");
    }

    [Fact]
    public void Truncated_text_gives_what_precedes_the_cut()
    {
        const string text = "{\"a\": 1, \"b\": {\"c\": \"x\", \"d\": [1, 2";
        var document = Parse(text);

        Assert.Equal(["a", "b", "b.c", "b.d", "b.d.0", "b.d.1"], document.Entries.Select(e => e.DottedPath));
    }

    [Fact]
    public void A_damaged_member_loses_only_itself()
    {
        const string text = "{\n  \"a\": 1,\n  \"b\" 2,\n  oops,\n  \"c\": \"unterminated\n  \"d\": 4\n}";
        var document = Parse(text);

        AssertScalar(text, document, "a", "1", "1", "a");
        AssertScalar(text, document, "d", "4", "4", "d");
        Assert.Equal("unterminated", Single(document, "c").Value);
    }

    [Fact]
    public void Crlf_files_keep_their_positions()
    {
        const string text = "{\r\n  \"a\": {\r\n    \"b\": 1\r\n  }\r\n}\r\n";
        var document = Parse(text);

        Assert.Equal(new TextSpan(2, 9, 2, 10), AssertScalar(text, document, "a.b", "1", "1", "b").ValueSpan);
    }
}
