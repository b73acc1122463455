namespace IdeTracker.Core.Configs.Scanning;

internal enum PythonTokenKind
{
    Name,
    Number,
    String,
    Operator,
}
