namespace IdeTracker.Core.Configs.Scanning;

/// <summary>One segment of a TOML key: its decoded name and where its text is (inside quotes for a quoted key).</summary>
internal readonly record struct TomlKeyPart(string Name, int Start, int End);
