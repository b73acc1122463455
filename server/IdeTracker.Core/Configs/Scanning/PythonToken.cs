namespace IdeTracker.Core.Configs.Scanning;

/// <summary>A token of Python source. For strings, <see cref="Text"/> is the decoded content, <see cref="ContentStart"/>
/// and <see cref="ContentEnd"/> the content between the quotes, and <see cref="IsLiteral"/> false for f-strings (their
/// value is computed at run time). A struct: a large file has hundreds of thousands of tokens.</summary>
internal readonly record struct PythonToken(PythonTokenKind Kind, int Start, int End, string Text)
{
    public int ContentStart { get; init; }

    public int ContentEnd { get; init; }

    public bool IsLiteral { get; init; } = true;

    public bool Is(string op) => Kind == PythonTokenKind.Operator && Text == op;

    public bool IsName(string name) => Kind == PythonTokenKind.Name && Text == name;
}
