using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Model;

/// <summary>Every param that differs from one run to another (held by one only, or a different value as
/// <see cref="ParamValues.Same"/> judges it: <c>0.001</c> and <c>1e-3</c> are the same), in natural key order.</summary>
public static class ParamDiff
{
    public static IReadOnlyList<ParamChange> Between(IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to) =>
        [.. from.Keys.Union(to.Keys, StringComparer.Ordinal)
            .Where(key => !ParamValues.Same(from.GetValueOrDefault(key), to.GetValueOrDefault(key)))
            .Order(NaturalStringComparer.Instance)
            .Select(key => new ParamChange(key, from.GetValueOrDefault(key), to.GetValueOrDefault(key)))];
}
