using IdeTracker.Core.Configs;
using static IdeTracker.Core.Tests.Configs.ConfigText;

namespace IdeTracker.Core.Tests.Configs;

public sealed class YamlConfigParserTests
{
    private static ConfigDocument Parse(string text) => ConfigParser.Parse(text, ConfigSyntax.Yaml);

    [Fact]
    public void Nested_mappings_give_dotted_paths_with_exact_spans()
    {
        const string text = "optimizer:\n  name: adam   # the usual\n  lr: 0.001\nepochs: 10\n";
        var document = Parse(text);

        Assert.Equal(["optimizer", "optimizer.name", "optimizer.lr", "epochs"], document.Entries.Select(e => e.DottedPath));
        var section = Single(document, "optimizer");
        Assert.Equal(ConfigEntryKind.Section, section.Kind);
        Assert.Null(section.ValueSpan);
        Assert.Equal("optimizer", At(text, section.KeySpan));
        AssertScalar(text, document, "optimizer.name", "adam", "adam", "name");
        var lr = AssertScalar(text, document, "optimizer.lr", "0.001", "0.001", "lr");
        Assert.Equal(new TextSpan(2, 6, 2, 11), lr.ValueSpan);
        AssertScalar(text, document, "epochs", "10", "10", "epochs");
    }

    [Fact]
    public void List_items_are_numbered_and_mappings_inside_items_nest_under_the_number()
    {
        const string text = "layers:\n  - 64\n  - 128\nmodels:\n- name: a\n  depth: 3\n- name: b\n- - 1\n  - 2\n";
        var document = Parse(text);

        AssertScalar(text, document, "layers.0", "64", "64", "64");
        AssertScalar(text, document, "layers.1", "128", "128", "128");
        AssertScalar(text, document, "models.0.name", "a", "a", "name");
        AssertScalar(text, document, "models.0.depth", "3", "3", "depth");
        AssertScalar(text, document, "models.1.name", "b", "b", "name");
        AssertScalar(text, document, "models.2.0", "1", "1", "1");
        AssertScalar(text, document, "models.2.1", "2", "2", "2");
    }

    [Fact]
    public void Flow_sequences_and_mappings_give_an_entry_per_scalar()
    {
        const string text = "sizes: [1, 2, 'three']\nopt: {a: 1, b: [2, 3], c: {d: x y}}\n";
        var document = Parse(text);

        AssertScalar(text, document, "sizes.0", "1", "1", "1");
        AssertScalar(text, document, "sizes.2", "three", "'three'", "'three'");
        AssertScalar(text, document, "opt.a", "1", "1", "a");
        Assert.Equal(ConfigEntryKind.Section, Single(document, "opt.b").Kind);
        AssertScalar(text, document, "opt.b.1", "3", "3", "3");
        AssertScalar(text, document, "opt.c.d", "x y", "x y", "d");
    }

    [Fact]
    public void Quoted_keys_and_values_are_decoded_and_spans_exclude_key_quotes()
    {
        const string text = "\"my key\": 'it''s'\n'b': \"tab\\there \\u00e9 \\\"q\\\"\"\nc: \"# not a comment\" # a comment\nd: it's # plain\n";
        var document = Parse(text);

        AssertScalar(text, document, "my key", "it's", "'it''s'", "my key");
        AssertScalar(text, document, "b", "tab\there é \"q\"", "\"tab\\there \\u00e9 \\\"q\\\"\"", "b");
        AssertScalar(text, document, "c", "# not a comment", "\"# not a comment\"", "c");
        AssertScalar(text, document, "d", "it's", "it's", "d");
    }

    [Fact]
    public void Anchors_aliases_and_tags_are_stepped_over()
    {
        const string text = "base: &b\n  lr: !!float 1e-3\nother: *b\nwd: &w 0.1\n";
        var document = Parse(text);

        AssertScalar(text, document, "base.lr", "1e-3", "1e-3", "lr");
        AssertScalar(text, document, "wd", "0.1", "0.1", "wd");
        Assert.DoesNotContain(document.Entries, e => e.DottedPath.StartsWith("other", StringComparison.Ordinal));
    }

    [Fact]
    public void Block_scalars_are_scalars_with_the_joined_text_and_the_indicator_as_value_span()
    {
        const string text = "literal: |\n  line one\n  line two\nfolded: >-\n  a\n  b\nafter: 1\n";
        var document = Parse(text);

        AssertScalar(text, document, "literal", "line one\nline two\n", "|", "literal");
        AssertScalar(text, document, "folded", "a b", ">-", "folded");
        AssertScalar(text, document, "after", "1", "1", "after");
    }

    [Fact]
    public void A_plain_scalar_continued_on_the_next_line_keeps_the_first_lines_span()
    {
        const string text = "description: a long\n  description here\nnext: 2\n";
        var document = Parse(text);

        AssertScalar(text, document, "description", "a long description here", "a long", "description");
        AssertScalar(text, document, "next", "2", "2", "next");
    }

    [Fact]
    public void Document_markers_and_directives_do_not_set_anything()
    {
        const string text = "%YAML 1.2\n---\na: 1\n...\n";
        var document = Parse(text);

        Assert.Equal(["a"], document.Entries.Select(e => e.DottedPath));
    }

    [Fact]
    public void Hydra_defaults_choose_groups_in_every_form()
    {
        const string text = "defaults:\n  - _self_\n  - optimizer: adam\n  - override hydra/launcher: joblib\n  - db@backup: mysql\n  - /model/net: big\n  - base_config\n  - optional extra: 'on'\nlr: 0.1\n";
        var document = Parse(text);

        var defaults = document.Entries.Where(e => e.Kind == ConfigEntryKind.HydraDefault).ToList();
        Assert.Equal([["optimizer"], ["hydra/launcher"], ["db"], ["model/net"], ["extra"]], defaults.Select(d => d.Path.ToArray()));
        Assert.Equal(["adam", "joblib", "mysql", "big", "on"], defaults.Select(d => d.Value));
        Assert.Equal(["optimizer", "hydra/launcher", "db", "model/net", "extra"], defaults.Select(d => At(text, d.KeySpan)));
        Assert.Equal(["adam", "joblib", "mysql", "big", "'on'"], defaults.Select(d => At(text, d.ValueSpan!.Value)));
        Assert.DoesNotContain(document.Entries, e => e.Kind == ConfigEntryKind.Scalar && e.Path[0] == "defaults");
        AssertScalar(text, document, "lr", "0.1", "0.1", "lr");
    }

    [Fact]
    public void A_defaults_key_below_the_top_level_is_an_ordinary_list()
    {
        const string text = "model:\n  defaults:\n    - a: b\n";
        var document = Parse(text);

        AssertScalar(text, document, "model.defaults.0.a", "b", "b", "a");
        Assert.DoesNotContain(document.Entries, e => e.Kind == ConfigEntryKind.HydraDefault);
    }

    [Fact]
    public void Non_ascii_keys_count_utf16_code_units()
    {
        const string text = "学习率: 0.1\n\"🚀\": 2\n🚀x: 3\nnested:\n  名前: 値\n";
        var document = Parse(text);

        var lr = AssertScalar(text, document, "学习率", "0.1", "0.1", "学习率");
        Assert.Equal(new TextSpan(0, 5, 0, 8), lr.ValueSpan);
        var rocket = AssertScalar(text, document, "🚀", "2", "2", "🚀");
        Assert.Equal(new TextSpan(1, 1, 1, 3), rocket.KeySpan);
        Assert.Equal(new TextSpan(1, 6, 1, 7), rocket.ValueSpan);
        Assert.Equal(new TextSpan(2, 5, 2, 6), AssertScalar(text, document, "🚀x", "3", "3", "🚀x").ValueSpan);
        AssertScalar(text, document, "nested.名前", "値", "値", "名前");
    }

    [Fact]
    public void Crlf_and_cr_line_ends_give_the_same_entries_and_positions()
    {
        const string lf = "a:\n  b: 1\n  c: [x, y]\nd: |\n  t\n";
        var expected = Parse(lf).Entries;
        foreach (var ending in (string[])["\r\n", "\r"])
        {
            var text = lf.Replace("\n", ending, StringComparison.Ordinal);
            var document = Parse(text);
            Assert.Equal(expected.Select(e => (e.DottedPath, e.Value, e.KeySpan, e.ValueSpan, e.Kind)),
                document.Entries.Select(e => (e.DottedPath, e.Value, e.KeySpan, e.ValueSpan, e.Kind)));
            AssertSpansInside(text, document);
        }
    }

    [Fact]
    public void A_key_without_a_value_is_a_section_and_misindented_lines_are_skipped()
    {
        const string text = "a:\nb: 1\n    stray: 2\nc: 3\n";
        var document = Parse(text);

        Assert.Equal(ConfigEntryKind.Section, Single(document, "a").Kind);
        AssertScalar(text, document, "c", "3", "3", "c");
        Assert.DoesNotContain(document.Entries, e => e.DottedPath.EndsWith("stray", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_at_the_keys_own_column_belongs_to_the_key()
    {
        const string text = "metrics:\n- acc\n- loss\nnext: 1\n";
        var document = Parse(text);

        AssertScalar(text, document, "metrics.0", "acc", "acc", "acc");
        AssertScalar(text, document, "metrics.1", "loss", "loss", "loss");
        AssertScalar(text, document, "next", "1", "1", "next");
    }

    [Fact]
    public void A_quoted_scalar_over_several_lines_is_folded_and_keeps_its_first_lines_span()
    {
        const string text = "help:\n  header: 'first line\n\n    second ''part''\n    '\n  after: 1\n";
        var document = Parse(text);

        var header = Single(document, "help.header");
        Assert.Equal("first line\nsecond 'part' ", header.Value);
        Assert.Equal("'first line", At(text, header.ValueSpan!.Value));
        AssertScalar(text, document, "help.after", "1", "1", "after");
    }

    [Fact]
    public void A_quote_left_open_while_typing_does_not_swallow_the_lines_after_it()
    {
        const string text = "a:\n  name: 'adam\n  lr: 0.1\nb: \"x\n";
        var document = Parse(text);

        AssertScalar(text, document, "a.name", "adam", "'adam", "name");
        AssertScalar(text, document, "a.lr", "0.1", "0.1", "lr");
        AssertScalar(text, document, "b", "x", "\"x", "b");
    }

    [Fact]
    public void A_line_of_thousands_of_nested_dashes_is_read_without_exhausting_the_stack()
    {
        var text = "deep:\n  " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "1\nafter: 2\n";
        var document = Parse(text);

        AssertScalar(text, document, "after", "2", "2", "after");
    }
}
