namespace IdeTracker.Core.Index;

/// <summary>Runs best first by the main metric, runs without it last; equal ones by run key, the later-written first
/// (the index gives a run its key when it first writes it, so this is newest first for runs read in order).</summary>
internal static class RunRanking
{
    public static List<RunFacts> Top(IEnumerable<RunFacts> runs, int limit, bool higherIsBetter)
    {
        var sorted = runs.ToArray();
        Array.Sort(sorted, (a, b) => Compare(a, b, higherIsBetter));
        return [.. sorted.Take(limit)];
    }

    private static int Compare(RunFacts a, RunFacts b, bool higherIsBetter)
    {
        if (a.Best is { } x && b.Best is { } y && x != y)
        {
            return higherIsBetter ? y.CompareTo(x) : x.CompareTo(y);
        }

        if (a.Best is null != b.Best is null)
        {
            return a.Best is null ? 1 : -1;
        }

        return b.RunKey.CompareTo(a.RunKey);
    }
}
