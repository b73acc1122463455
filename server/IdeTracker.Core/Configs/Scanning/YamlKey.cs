namespace IdeTracker.Core.Configs.Scanning;

/// <summary>A YAML mapping key on a line: its decoded name, where its text is (inside quotes for a quoted key), and
/// the offset just past its colon.</summary>
internal readonly record struct YamlKey(string Name, int Start, int End, int After, bool Quoted);
