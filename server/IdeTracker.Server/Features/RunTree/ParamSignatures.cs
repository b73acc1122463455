using IdeTracker.Core.Index;
using IdeTracker.Core.Model;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>Each run's params as a sorted array of (key id, value id) pairs, values canonical
/// (<see cref="ParamValues.Canonical"/>: <c>0.001</c> = <c>1e-3</c>), so two runs are compared by one merge
/// walk of integers; and as a text that is equal exactly for runs with the same params.</summary>
internal sealed class ParamSignatures
{
    private readonly long[][] _pairs;

    private ParamSignatures(long[][] pairs, string[] text)
    {
        _pairs = pairs;
        Text = text;
    }

    public string[] Text { get; }

    public static ParamSignatures Of(IReadOnlyList<RunParamsRow> runs)
    {
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var valueIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new long[runs.Count][];
        var text = new string[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i].Params;
            var own = new long[run.Count];
            var at = 0;
            foreach (var (key, value) in run)
            {
                own[at++] = ((long)IdOf(keyIds, key) << 32) | (uint)IdOf(valueIds, ParamValues.Canonical(value));
            }

            Array.Sort(own);
            pairs[i] = own;
            text[i] = string.Join(',', own);
        }

        return new ParamSignatures(pairs, text);
    }

    /// <summary>How many keys the two runs differ in: held by one only, or with different values.</summary>
    public int Difference(int a, int b)
    {
        var x = _pairs[a];
        var y = _pairs[b];
        int i = 0, j = 0, difference = 0;
        while (i < x.Length && j < y.Length)
        {
            var keyX = x[i] >> 32;
            var keyY = y[j] >> 32;
            if (keyX == keyY)
            {
                difference += x[i] == y[j] ? 0 : 1;
                i++;
                j++;
            }
            else if (keyX < keyY)
            {
                difference++;
                i++;
            }
            else
            {
                difference++;
                j++;
            }
        }

        return difference + (x.Length - i) + (y.Length - j);
    }

    private static int IdOf(Dictionary<string, int> ids, string text)
    {
        if (!ids.TryGetValue(text, out var id))
        {
            ids[text] = id = ids.Count;
        }

        return id;
    }
}
