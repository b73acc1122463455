using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Half-typed text: every truncation and many single-character edits of the valid fixtures parse without an
/// exception, keep every span inside the text, and keep the entries written on the lines before the damage (same path,
/// kind and spans; a value may legitimately change, as when an edit continues a plain YAML scalar).</summary>
public sealed class DamagedConfigTests
{
    private const string Punctuation = "{}[]()\"':,=#-|>&*!.\\\n \t";

    public static TheoryData<ConfigSyntax> Syntaxes() => [ConfigSyntax.Yaml, ConfigSyntax.Json, ConfigSyntax.Toml, ConfigSyntax.Python];

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Every_truncation_keeps_the_entries_before_the_cut(ConfigSyntax syntax)
    {
        foreach (var text in Variants(syntax))
        {
            var original = ConfigParser.Parse(text, syntax);
            Assert.NotEmpty(original.Entries);
            for (var cut = 0; cut <= text.Length; cut++)
            {
                var damaged = text[..cut];
                AssertKeptBefore(original, damaged, syntax, LineOf(text, cut), $"cut at {cut}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Single_character_edits_keep_the_entries_before_the_edit(ConfigSyntax syntax)
    {
        var text = Fixture(syntax);
        var original = ConfigParser.Parse(text, syntax);
        var random = new Random(6);
        for (var i = 0; i < 1500; i++)
        {
            var at = random.Next(text.Length);
            var c = random.Next(3) == 0 ? (char)random.Next('a', 'z' + 1) : Punctuation[random.Next(Punctuation.Length)];
            var (damaged, what) = random.Next(3) switch
            {
                0 => (text.Remove(at, 1), $"deleted {at}"),
                1 => (text.Insert(at, c.ToString()), $"inserted '{c}' at {at}"),
                _ => (text.Remove(at, 1).Insert(at, c.ToString()), $"replaced {at} with '{c}'"),
            };
            AssertKeptBefore(original, damaged, syntax, LineOf(text, at), what);
        }
    }

    private static void AssertKeptBefore(ConfigDocument original, string damaged, ConfigSyntax syntax, int damageLine, string what)
    {
        var document = ConfigParser.Parse(damaged, syntax);
        ConfigText.AssertSpansInside(damaged, document);
        var found = document.Entries.Select(Shape).ToHashSet();
        foreach (var entry in original.Entries.Where(e => e.KeySpan.EndLine < damageLine && (e.ValueSpan?.EndLine ?? 0) < damageLine))
        {
            Assert.True(found.Contains(Shape(entry)), $"{syntax}, {what}: lost {entry.DottedPath} ({entry.Kind}) from line {entry.KeySpan.Line}");
        }
    }

    private static (string, ConfigEntryKind, TextSpan, TextSpan?) Shape(ConfigEntry e) => (e.DottedPath, e.Kind, e.KeySpan, e.ValueSpan);

    private static int LineOf(string text, int offset) => ConfigText.Lines(text[..offset]).Count - 1;

    private static string Fixture(ConfigSyntax syntax) => ConfigFixtures.All.Single(f => f.Syntax == syntax).Text;

    /// <summary>The fixture with \n and with \r\n line ends, so cuts also fall between \r and \n.</summary>
    private static IEnumerable<string> Variants(ConfigSyntax syntax) =>
        [Fixture(syntax), Fixture(syntax).Replace("\n", "\r\n", StringComparison.Ordinal)];
}
