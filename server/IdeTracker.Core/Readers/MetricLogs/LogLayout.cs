namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>How a metric log's lines are laid out, known from its name or its first line.</summary>
internal enum LogLayout
{
    /// <summary>Nothing read yet to tell.</summary>
    Unknown,

    /// <summary>A header line, then rows of cells (CSV, TSV, semicolon-separated).</summary>
    Delimited,

    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
