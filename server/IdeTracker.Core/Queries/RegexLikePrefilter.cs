namespace IdeTracker.Core.Queries;

/// <summary>A LIKE pattern every text a filter regex matches also matches, so SQLite can discard most rows in C
/// before the (far dearer) call into .NET: <c>^run-1[0-9]*7$</c> becomes <c>run-1%7%</c>. Built from the literal
/// characters outside groups and classes, in order, each run joined by <c>%</c>: a pattern with alternation,
/// inline options or an escape it does not know gets none (null), as does one with no literal at all.
/// LIKE folds ASCII case only while the regex ignores case the .NET way, so a literal stands for itself only when
/// it is ASCII and not <c>i</c>, <c>k</c> or <c>s</c> (which .NET also pairs with <c>İ</c>, <c>K</c> (Kelvin) and
/// <c>ſ</c>); any other literal character becomes <c>_</c>, one character of any kind.</summary>
public static class RegexLikePrefilter
{
    public const char Escape = '\\';

    /// <summary>Escapes that match one class of character (or a position) and take no argument.</summary>
    private const string ClassEscapes = "dDwWsSbB";

    public static string? For(string pattern)
    {
        if (pattern.Contains('|', StringComparison.Ordinal) || pattern.Contains("(?", StringComparison.Ordinal))
        {
            return null;
        }

        var runs = new List<Run>();
        var run = new Run();
        var anchored = pattern.StartsWith('^');
        var depth = 0;
        for (var i = anchored ? 1 : 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (depth > 0)
            {
                switch (c)
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        if ((i = SkipClass(pattern, i)) < 0)
                        {
                            return null;
                        }

                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                }

                continue;
            }

            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    var next = pattern[i + 1];
                    if (char.IsAsciiLetterOrDigit(next))
                    {
                        if (!ClassEscapes.Contains(next, StringComparison.Ordinal))
                        {
                            return null;
                        }

                        EndRun(runs, ref run);
                    }
                    else
                    {
                        run.Add(next, i);
                    }

                    i++;
                    break;
                case '\\':
                    return null;
                case '*' or '?':
                    // The character before is optional.
                    run.DropLast();
                    EndRun(runs, ref run);
                    break;
                case '{':
                    run.DropLast();
                    EndRun(runs, ref run);
                    i = pattern.IndexOf('}', i);
                    if (i < 0)
                    {
                        return null;
                    }

                    break;
                case '+' or '.' or '$' or '^':
                    EndRun(runs, ref run);
                    break;
                case '[':
                    EndRun(runs, ref run);
                    if ((i = SkipClass(pattern, i)) < 0)
                    {
                        return null;
                    }

                    break;
                case '(':
                    EndRun(runs, ref run);
                    depth++;
                    break;
                case ')' or ']' or '}':
                    return null;
                case var _ when char.IsSurrogate(c):
                    // LIKE's '_' is one code point, a surrogate pair two .NET characters.
                    EndRun(runs, ref run);
                    break;
                default:
                    run.Add(c, i);
                    break;
            }
        }

        EndRun(runs, ref run);
        if (runs.Count == 0)
        {
            return null;
        }

        var prefix = anchored && runs[0].Start == 1 ? "" : "%";
        return prefix + string.Join('%', runs.Select(r => r.ToString())) + "%";
    }

    /// <summary>The index of the <c>]</c> closing the class opened at <paramref name="open"/>, or -1 when there is
    /// none or the class nests one (.NET's class subtraction), which this does not follow.</summary>
    private static int SkipClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    return -1;
                case ']':
                    return i;
            }
        }

        return -1;
    }

    private static void EndRun(List<Run> runs, ref Run run)
    {
        if (run.Length > 0)
        {
            runs.Add(run);
            run = new Run();
        }
    }

    /// <summary>Consecutive literal characters as LIKE pattern pieces (one per character), and where in the
    /// regex the first of them stands.</summary>
    private sealed class Run
    {
        private readonly List<string> pieces = [];

        public int Start { get; private set; } = -1;

        public int Length => pieces.Count;

        public void Add(char c, int at)
        {
            if (pieces.Count == 0)
            {
                Start = at;
            }

            pieces.Add(c switch
            {
                '%' or '_' or Escape => $"{Escape}{c}",
                _ when char.IsAscii(c) && !char.IsControl(c) && char.ToLowerInvariant(c) is not ('i' or 'k' or 's') => c.ToString(),
                _ => "_",
            });
        }

        public void DropLast()
        {
            if (pieces.Count > 0)
            {
                pieces.RemoveAt(pieces.Count - 1);
            }
        }

        public override string ToString() => string.Concat(pieces);
    }
}
