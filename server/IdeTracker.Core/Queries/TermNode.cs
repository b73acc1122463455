namespace IdeTracker.Core.Queries;

/// <summary><c>status:failed</c>, <c>source:mlflow</c>, <c>tag:baseline</c>, <c>since:7d</c>, <c>before:2026-11-01</c>;
/// <see cref="Term"/> is the lower-cased word before the colon.</summary>
public sealed record TermNode(string Term, FilterValue Value, int Position)
    : FilterNode(Position, Value.Position + Value.Length - Position);
