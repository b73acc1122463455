namespace IdeTracker.Core.Queries;

/// <summary>Where a name is looked up: <see cref="Any"/> for a bare name (a run field, else a param or a
/// metric), or forced by a <c>params.</c> / <c>metrics.</c> prefix.</summary>
public enum NameScope
{
    Any,
    Param,
    Metric,
}
