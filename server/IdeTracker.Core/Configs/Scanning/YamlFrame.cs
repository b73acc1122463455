namespace IdeTracker.Core.Configs.Scanning;

/// <summary>A block mapping or sequence the YAML scanner is inside: the column its keys or dashes start at, the path
/// it sits at, and for a sequence how many items it has had.</summary>
internal sealed class YamlFrame(int indent, string[] path, bool isList)
{
    public int Indent { get; set; } = indent;

    public string[] Path { get; } = path;

    public bool IsList { get; } = isList;

    public int Count { get; set; }

    /// <summary>The top-level <c>defaults</c> list of a Hydra config, whose items choose config groups.</summary>
    public bool IsHydraDefaults { get; init; }
}
