using System.Globalization;
using IdeTracker.Core.Configs;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;
using IdeTracker.Core.Readers.Dvc;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>The index's own readers as the reference for what a config file sets: YamlFlattener (through
/// YamlParamsFile) for YAML, the DVC values readers (System.Text.Json, Tomlyn) for JSON and TOML.</summary>
public static class ReferenceReaders
{
    /// <summary>Set by <see cref="Flatten"/>: the reference declined the YAML because its top level is a list
    /// (.hydra/overrides.yaml), which run params never are.</summary>
    [ThreadStatic]
    private static bool RootIsList;

    public static Dictionary<string, string> Flatten(string text, ConfigSyntax syntax)
    {
        var into = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        if (syntax == ConfigSyntax.Yaml)
        {
            YamlParamsFile.ReadText("reference.yaml", text, into, problems);
        }
        else
        {
            var root = syntax == ConfigSyntax.Json ? JsonTree.Parse("reference.json", text, problems) : TomlTree.Parse("reference.toml", text, problems);
            if (root is not null)
            {
                NodeFlattener.Walk(root, ".", (key, leaf) => into.TryAdd(key, NodeFlattener.TextOf(leaf)));
            }
        }

        Assert.DoesNotContain(problems, p => p.Severity == ProblemSeverity.Error);
        RootIsList = problems.Any(p => p.Message.Contains("not a mapping", StringComparison.Ordinal));
        return into;
    }

    /// <summary>Asserts the parser's scalars are exactly the reference's leaves: the same keys, and values equal as
    /// text or, when both are numbers, as numbers (a reader may print 1e-3 as 0.001). Empty collections ("{}", "[]")
    /// and a key with nothing after it are empty leaves to the reference and Sections to the parser. A YAML file whose
    /// top level is a list gives nothing to the reference; the parser numbers its items.</summary>
    public static void AssertSameAsReference(string text, ConfigSyntax syntax)
    {
        var reference = Flatten(text, syntax);
        var entries = ConfigParser.Parse(text, syntax).Entries;
        if (RootIsList)
        {
            Assert.All(entries, e => Assert.True(int.TryParse(e.Path[0], out _), e.DottedPath));
            return;
        }

        var scalars = entries.Where(e => e.Kind == ConfigEntryKind.Scalar)
            .GroupBy(e => e.DottedPath).ToDictionary(g => g.Key, g => g.First().Value!);
        var sections = entries.Where(e => e.Kind == ConfigEntryKind.Section).Select(e => e.DottedPath).ToHashSet();
        var expected = reference.Where(r => r.Value is not ("{}" or "[]") && !(r.Value.Length == 0 && sections.Contains(r.Key))).ToDictionary();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), scalars.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            Assert.True(SameValue(value, scalars[key]), $"{key}: the reference reads '{value}', the parser '{scalars[key]}'");
        }
    }

    private static bool SameValue(string reference, string parsed)
    {
        if (reference == parsed)
        {
            return true;
        }

        return double.TryParse(reference, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
               && double.TryParse(parsed, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
               && a.Equals(b);
    }
}
