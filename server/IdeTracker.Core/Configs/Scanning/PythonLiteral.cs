namespace IdeTracker.Core.Configs.Scanning;

/// <summary>A literal value in Python source: its text as a run would record it, where it is written, and the index of
/// the token after it.</summary>
internal sealed record PythonLiteral(string Value, int Start, int End, int Next);
