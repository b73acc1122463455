namespace IdeTracker.Core.Configs;

/// <summary>What a config key was matched to. <see cref="Key"/> is the param key (or, for
/// <see cref="KeyMatchKind.HydraChoice"/>, the tag key); <see cref="Candidates"/> are the keys that fit equally
/// well when the match is <see cref="KeyMatchKind.Ambiguous"/> (at most a handful, most runs first).</summary>
public sealed record KeyMatch(KeyMatchKind Kind, string? Key, IReadOnlyList<string> Candidates)
{
    public static KeyMatch NotFound { get; } = new(KeyMatchKind.NotFound, null, []);

    public bool IsMatched => Key is not null;
}
