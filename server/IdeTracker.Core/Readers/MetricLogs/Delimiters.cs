namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Which character separates a delimited log's fields, guessed from its header line.</summary>
internal static class Delimiters
{
    // In order of preference when a header has as many of one as of another.
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>A .tsv file is tab-separated when its header has a tab; otherwise the candidate the header holds
    /// most of outside quotes; a header of one column is read as comma-separated.</summary>
    public static char Guess(string header, string path)
    {
        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) && header.Contains('\t'))
        {
            return '\t';
        }

        var best = ',';
        var bestCount = 0;
        foreach (var candidate in Candidates)
        {
            var count = CountOutsideQuotes(header, candidate);
            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    private static int CountOutsideQuotes(string line, char c)
    {
        var count = 0;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == c && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
