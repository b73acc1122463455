namespace IdeTracker.Core.Configs.Scanning;

/// <summary>One logical line of Python: its tokens (brackets and backslashes join physical lines) and the column its
/// first token starts at.</summary>
internal sealed record PythonLogicalLine(int Indent, List<PythonToken> Tokens);
