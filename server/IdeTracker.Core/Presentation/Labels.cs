using System.Globalization;
using Humanizer;

namespace IdeTracker.Core.Presentation;

/// <summary>Every label a person reads is made here, so times, durations, counts and metric values read the
/// same in the tree, the status bar and the terminal.</summary>
public static class Labels
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>"3 days ago", "in 2 hours" for a clock that is behind.</summary>
    public static string TimeAgo(DateTimeOffset time, DateTimeOffset now) => time.Humanize(now, English);

    /// <summary>"2 minutes, 13 seconds"; under a second: "412 milliseconds".</summary>
    /// <remarks>Milliseconds only for what lasted under a second: "57 seconds, 996 milliseconds" says less than "58 seconds".</remarks>
    public static string Duration(TimeSpan span) =>
        span < TimeSpan.Zero ? "—"
        : span < TimeSpan.FromSeconds(1) ? span.Humanize(precision: 1, culture: English, minUnit: TimeUnit.Millisecond)
        : TimeSpan.FromSeconds(Math.Round(span.TotalSeconds)).Humanize(precision: 2, culture: English, minUnit: TimeUnit.Second);

    /// <summary>How long a run ran, or null when its times cannot say (no end yet, or an end that is not after
    /// its start, as with copied files whose times are all the same).</summary>
    public static string? RunDuration(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e && e > s ? Duration(e - s) : null;

    /// <summary>"1,234 runs", "1 run".</summary>
    public static string Count(long count, string noun) => noun.ToQuantity(count, "N0", English);

    /// <summary>"512 B", "1.5 MB", "3.2 GB": the largest unit under the size, one decimal at most.</summary>
    /// <remarks>Under a kilobyte the count is spelled in bytes here: Humanizer calls an empty size "0 b", bits.</remarks>
    public static string Size(long bytes) =>
        bytes is >= 0 and < 1024 ? $"{bytes.ToString(English)} B" : ByteSize.FromBytes(bytes).ToString("0.#", English);

    /// <summary>A metric value as a person reads it: 4 significant digits, exponent for tiny or huge values,
    /// NaN and ±∞ spelled out.</summary>
    public static string Metric(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "∞";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "−∞";
        }

        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6))
        {
            return value.ToString("0.###e+0", English);
        }

        return value.ToString("G4", English);
    }

    /// <summary>The status bar text: "1,234 runs · 2 live · 3 problems".</summary>
    public static string IndexSummary(int runs, int live, int problems)
    {
        var parts = new List<string> { Count(runs, "run") };
        if (live > 0)
        {
            parts.Add($"{live.ToString("N0", English)} live");
        }

        if (problems > 0)
        {
            parts.Add(Count(problems, "problem"));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>ISO 8601 UTC with milliseconds, as JSON output and the wire carry times.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", English);
}
