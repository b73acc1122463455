namespace IdeTracker.Core.Readers.Dvc;

/// <summary>A DVC experiment ref: refs/exps/&lt;first 2 hex of the baseline commit&gt;/&lt;other 38&gt;/&lt;name&gt;.
/// DVC's other refs under refs/exps (stash, exec/…, celery/…, apply/…) are not experiments.</summary>
internal sealed record ExperimentRef(string Baseline, string Name)
{
    public const string Namespace = "refs/exps/";

    public static ExperimentRef? TryParse(string canonicalName)
    {
        if (!canonicalName.StartsWith(Namespace, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = canonicalName[Namespace.Length..].Split('/');
        return parts.Length == 3 && parts[0].Length == 2 && parts[1].Length == 38 && IsHex(parts[0]) && IsHex(parts[1]) && parts[2].Length > 0
            ? new ExperimentRef((parts[0] + parts[1]).ToLowerInvariant(), parts[2])
            : null;
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
