using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Params and metrics files in the syntaxes DVC reads them in, chosen by extension: YAML (.yaml,
/// .yml, and anything unknown), JSON, TOML. Python params files (.py) need Python to evaluate and are not read.</summary>
internal static class ValuesFile
{
    public static void ReadParams(IProjectFiles files, string relative, Dictionary<string, string> into, List<Problem> problems)
    {
        var path = files.FullPath(relative);
        if (Syntax(relative) == "py")
        {
            problems.Add(new Problem(path, 0, "is a Python params file; its values are not read", ProblemSeverity.Information));
            return;
        }

        if (files.ReadText(relative, ProjectContentReader.MaxValuesBytes, problems) is not { } text)
        {
            return;
        }

        if (Syntax(relative) == "yaml")
        {
            YamlParamsFile.ReadText(path, text, into, problems);
            return;
        }

        if (Parse(path, text, Syntax(relative), problems) is { } root
            && NodeFlattener.Walk(root, ".", (key, leaf) => into.TryAdd(key, NodeFlattener.TextOf(leaf))) is { } message)
        {
            problems.Add(new Problem(path, 0, message, ProblemSeverity.Warning));
        }
    }

    /// <summary>The file's tree, or null when it is not there, not readable or not in a syntax DVC reads metrics from.</summary>
    public static DataNode? ReadTree(IProjectFiles files, string relative, List<Problem> problems)
    {
        var syntax = Syntax(relative);
        if (syntax == "py" || files.ReadText(relative, ProjectContentReader.MaxValuesBytes, problems) is not { } text)
        {
            return null;
        }

        return Parse(files.FullPath(relative), text, syntax, problems);
    }

    private static DataNode? Parse(string path, string text, string syntax, List<Problem> problems) => syntax switch
    {
        "json" => JsonTree.Parse(path, text, problems),
        "toml" => TomlTree.Parse(path, text, problems),
        _ => YamlTree.Parse(path, text, problems),
    };

    private static string Syntax(string relative) => Path.GetExtension(relative).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".toml" => "toml",
        ".py" => "py",
        _ => "yaml",
    };
}
