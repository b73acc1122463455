namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>One value of a JSON-lines record, its key flattened with "/" ({"val": {"acc": 1}} → "val/acc").</summary>
internal readonly record struct JsonField(string Key, JsonFieldKind Kind, double Number, string? Text);
