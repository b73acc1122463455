using IdeTracker.Core.Index;
using IdeTracker.Core.Model;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>What changed from one run to the next, in a few words: <c>lr 0.01 → 0.001, batch_size 32 → 64</c>,
/// at most <see cref="MaxShown"/> keys then "+2 more". A Hydra run whose overrides name every changed key
/// says its overrides instead, as the user typed them.</summary>
public static class ParamChanges
{
    public const int MaxShown = 3;
    public const string Unset = "unset";
    public const string Same = "same params";

    public static string Describe(RunParamsRow from, RunParamsRow to)
    {
        var changes = ParamDiff.Between(from.Params, to.Params);
        var changed = changes.Select(change => change.Key).ToList();
        if (changed.Count == 0)
        {
            return Same;
        }

        if (to.Source == "hydra" && to.Label is { Length: > 0 } overrides && OverriddenKeys(overrides).IsSupersetOf(changed))
        {
            return overrides;
        }

        var shown = changes.Take(MaxShown).Select(change => $"{change.Key} {change.From ?? Unset} → {change.To ?? Unset}");
        var text = string.Join(", ", shown);
        return changed.Count > MaxShown ? $"{text} +{changed.Count - MaxShown} more" : text;
    }

    /// <summary>The keys of overrides like <c>optimizer.lr=0.1 +model.depth=3 ~seed</c>.</summary>
    private static HashSet<string> OverriddenKeys(string overrides) =>
        overrides.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => o.TrimStart('+', '~'))
            .Select(o => o.IndexOf('=') is var eq and >= 0 ? o[..eq] : o)
            .ToHashSet(StringComparer.Ordinal);
}
