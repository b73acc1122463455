using FsCheck;
using FsCheck.Xunit;
using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Whatever the text, parsing in every syntax returns (no exception) with every span inside the text.</summary>
public sealed class ArbitraryTextProperties
{
    /// <summary>The characters the scanners react to, so random text reaches their corners rather than plain words.</summary>
    private const string Alphabet = "{}[]()\"':,=#-|>&*!.\\@%?~+_ \t\n\r\n09aefrbxTNu学🚀";

    private static readonly ConfigSyntax[] Syntaxes = [ConfigSyntax.Yaml, ConfigSyntax.Json, ConfigSyntax.Toml, ConfigSyntax.Python];

    [Property(MaxTest = 400)]
    public void Any_string_parses_with_spans_inside(string text) => AssertParses(text ?? "");

    [Property(MaxTest = 1500)]
    public void Any_run_of_syntax_characters_parses_with_spans_inside(byte[] picks) =>
        AssertParses(new string((picks ?? []).Select(b => Alphabet[b % Alphabet.Length]).ToArray()));

    [Property(MaxTest = 300)]
    public void Any_splice_into_a_fixture_parses_with_spans_inside(PositiveInt at, byte[] picks)
    {
        var noise = new string((picks ?? []).Select(b => Alphabet[b % Alphabet.Length]).ToArray());
        foreach (var (_, fixture) in ConfigFixtures.All)
        {
            var offset = at.Get % (fixture.Length + 1);
            AssertParses(fixture.Insert(offset, noise));
        }
    }

    private static void AssertParses(string text)
    {
        foreach (var syntax in Syntaxes)
        {
            ConfigText.AssertSpansInside(text, ConfigParser.Parse(text, syntax));
        }
    }
}
