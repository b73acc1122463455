using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>One top-level value of a meta.yaml: its text (null for YAML null or empty) and the 1-based
/// line its key is on.</summary>
internal readonly record struct MetaYamlEntry(string? Value, int Line);
