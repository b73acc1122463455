namespace IdeTracker.Core.Model;

/// <summary>One logged value. <see cref="TimestampMs"/> is 0 when the source records no wall time.
/// NaN and ±Infinity are ordinary values and are kept.</summary>
public readonly record struct MetricPoint(long Step, long TimestampMs, double Value);
