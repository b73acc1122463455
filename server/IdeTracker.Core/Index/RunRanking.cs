namespace IdeTracker.Core.Index;

/// <summary>Runs best first by the main metric, runs without it last; equal ones by run key, the later-written first
/// (the index gives a run its key when it first writes it, so this is newest first for runs read in order).</summary>
internal static class RunRanking
{
    /// <summary>The best <paramref name="limit"/> of <paramref name="runs"/>, best first: a bounded heap keeps the
    /// worst of those kept on top, so each of many runs costs a comparison, not a place in a full sort.</summary>
    public static List<RunFacts> Top(IEnumerable<RunFacts> runs, int limit, bool higherIsBetter)
    {
        var worstFirst = Comparer<RunFacts>.Create((a, b) => Compare(b, a, higherIsBetter));
        var kept = new PriorityQueue<RunFacts, RunFacts>(limit + 1, worstFirst);
        foreach (var run in runs)
        {
            if (kept.Count < limit)
            {
                kept.Enqueue(run, run);
            }
            else if (limit > 0 && Compare(run, kept.Peek(), higherIsBetter) < 0)
            {
                kept.DequeueEnqueue(run, run);
            }
        }

        var top = new RunFacts[kept.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = kept.Dequeue();
        }

        return [.. top];
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
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
