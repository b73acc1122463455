using IdeTracker.Core.Configs;
using static IdeTracker.Core.Tests.Configs.ConfigText;

namespace IdeTracker.Core.Tests.Configs;

public sealed class TomlConfigParserTests
{
    private static ConfigDocument Parse(string text) => ConfigParser.Parse(text, ConfigSyntax.Toml);

    [Fact]
    public void Tables_and_key_values_give_dotted_paths_with_spans()
    {
        const string text = "title = \"run\" # name\n[optimizer]\nname = 'adam'\nlr = 1e-3\n[model.encoder]\nlayers = 4\n";
        var document = Parse(text);

        AssertScalar(text, document, "title", "run", "\"run\"", "title");
        Assert.Equal("optimizer", At(text, Single(document, "optimizer").KeySpan));
        AssertScalar(text, document, "optimizer.name", "adam", "'adam'", "name");
        Assert.Equal(new TextSpan(3, 5, 3, 9), AssertScalar(text, document, "optimizer.lr", "1e-3", "1e-3", "lr").ValueSpan);
        Assert.Equal("model.encoder", At(text, Single(document, "model.encoder").KeySpan));
        AssertScalar(text, document, "model.encoder.layers", "4", "4", "layers");
    }

    [Fact]
    public void Arrays_of_tables_are_numbered_per_occurrence()
    {
        const string text = "[[servers]]\nhost = \"a\"\n[[servers]]\nhost = \"b\"\n[[servers.ports]]\nn = 1\n[[servers.ports]]\nn = 2\n[[servers]]\nhost = \"c\"\n";
        var document = Parse(text);

        AssertScalar(text, document, "servers.0.host", "a", "\"a\"", "host");
        AssertScalar(text, document, "servers.1.host", "b", "\"b\"", "host");
        AssertScalar(text, document, "servers.1.ports.0.n", "1", "1", "n");
        AssertScalar(text, document, "servers.1.ports.1.n", "2", "2", "n");
        AssertScalar(text, document, "servers.2.host", "c", "\"c\"", "host");
    }

    [Fact]
    public void Dotted_and_quoted_keys_inline_tables_and_arrays()
    {
        const string text = "a.b = 1\n\"my key\".c = 2\nsite.\"google.com\" = true\nopt = { name = \"sgd\", m.beta = 0.9 }\nsizes = [ 1, 2,\n  3, # three\n]\nnested = [[1, 2], [\"x\"]]\n";
        var document = Parse(text);

        AssertScalar(text, document, "a.b", "1", "1", "a.b");
        AssertScalar(text, document, "my key.c", "2", "2", "my key\".c");
        AssertScalar(text, document, "site.google.com", "true", "true", "site.\"google.com");
        AssertScalar(text, document, "opt.name", "sgd", "\"sgd\"", "name");
        AssertScalar(text, document, "opt.m.beta", "0.9", "0.9", "m.beta");
        AssertScalar(text, document, "sizes.2", "3", "3", "3");
        AssertScalar(text, document, "nested.0.1", "2", "2", "2");
        AssertScalar(text, document, "nested.1.0", "x", "\"x\"", "\"x\"");
    }

    [Fact]
    public void Strings_numbers_and_dates_in_every_form()
    {
        const string text = "basic = \"tab\\t \\u00e9 \\U0001F680\"\nliteral = 'C:\\path'\nml = \"\"\"\nline one\nline \\\n   two\"\"\"\nmll = '''\nraw\\n'''\nbig = 1_000_000\nneg = -3.5e-2\nhex = 0xff\nup = +inf\nnot = nan\nyes = false\nwhen = 1979-05-27 07:32:00Z\nday = 1979-05-27\n";
        var document = Parse(text);

        Assert.Equal("tab\t é 🚀", Single(document, "basic").Value);
        Assert.Equal("C:\\path", Single(document, "literal").Value);
        var multiline = Single(document, "ml");
        Assert.Equal("line one\nline two", multiline.Value);
        Assert.Equal("\"\"\"", At(text, multiline.ValueSpan!.Value));
        Assert.Equal("raw\\n", Single(document, "mll").Value);
        AssertScalar(text, document, "big", "1000000", "1_000_000", "big");
        AssertScalar(text, document, "neg", "-3.5e-2", "-3.5e-2", "neg");
        AssertScalar(text, document, "hex", "0xff", "0xff", "hex");
        AssertScalar(text, document, "up", "+inf", "+inf", "up");
        AssertScalar(text, document, "not", "nan", "nan", "not");
        AssertScalar(text, document, "yes", "false", "false", "yes");
        AssertScalar(text, document, "when", "1979-05-27 07:32:00Z", "1979-05-27 07:32:00Z", "when");
        AssertScalar(text, document, "day", "1979-05-27", "1979-05-27", "day");
    }

    [Fact]
    public void Non_ascii_keys_count_utf16_code_units()
    {
        const string text = "\"学习率\" = 0.1\n\"🚀\" = 2\n[表]\n名前 = \"値\"\n";
        var document = Parse(text);

        AssertScalar(text, document, "学习率", "0.1", "0.1", "学习率");
        var rocket = AssertScalar(text, document, "🚀", "2", "2", "🚀");
        Assert.Equal(new TextSpan(1, 1, 1, 3), rocket.KeySpan);
        Assert.Equal(new TextSpan(1, 7, 1, 8), rocket.ValueSpan);
        AssertScalar(text, document, "表.名前", "値", "\"値\"", "名前");
    }

    [Fact]
    public void An_array_left_open_ends_at_the_next_statement()
    {
        const string text = "a = [1, 2\nb = 3\n[t]\nc = {x = 1\nd = 4\n";
        var document = Parse(text);

        Assert.Equal(["a", "a.0", "a.1", "b", "t", "t.c", "t.c.x", "t.d"], document.Entries.Select(e => e.DottedPath));
    }

    [Fact]
    public void Crlf_files_keep_their_positions()
    {
        const string text = "[a]\r\nb = \"\"\"x\r\ny\"\"\"\r\nc = 1\r\n";
        var document = Parse(text);

        Assert.Equal("x\r\ny", Single(document, "a.b").Value);
        Assert.Equal(new TextSpan(3, 4, 3, 5), AssertScalar(text, document, "a.c", "1", "1", "c").ValueSpan);
    }
}
