using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Compares key matches by value, candidates included (the record compares its list by reference).</summary>
internal sealed class KeyMatchComparer : IEqualityComparer<KeyMatch>
{
    public static KeyMatchComparer Instance { get; } = new();

    public bool Equals(KeyMatch? x, KeyMatch? y) =>
        x is not null && y is not null && x.Kind == y.Kind && x.Key == y.Key && x.Candidates.SequenceEqual(y.Candidates);

    public int GetHashCode(KeyMatch obj) => HashCode.Combine(obj.Kind, obj.Key);
}
