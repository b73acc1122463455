namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>What a JSON-lines value is to the reader: a number (a point), text (strings, booleans, lists), or null (nothing).</summary>
internal enum JsonFieldKind
{
    Number,
    Text,
    Null,
}
