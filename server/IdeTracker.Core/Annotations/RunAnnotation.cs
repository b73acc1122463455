using System.Text.Json.Nodes;

namespace IdeTracker.Core.Annotations;

/// <summary>What the user wrote about one run: a star, free tags (distinct, sorted), a note, and the
/// snapshot of the run kept beside them. <see cref="Version"/> is the file's format version, kept as read;
/// <see cref="Extra"/> the top-level fields this version does not know, written back as they were.</summary>
public sealed record RunAnnotation
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string RunId { get; init; }

    public bool Starred { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Note { get; init; }

    public RunSnapshot? Snapshot { get; init; }

    public JsonObject? Extra { get; init; }

    /// <summary>Nothing starred, tagged or noted (the file may still keep the snapshot).</summary>
    public bool IsBlank => !Starred && Tags.Count == 0 && Note is null;

    /// <summary>Tags as the file keeps them: trimmed, without a leading '#', empty ones dropped, distinct, sorted by code point.</summary>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string> tags) =>
        [.. tags.Select(t => t.Trim().TrimStart('#').Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
