using System.Globalization;

namespace IdeTracker.Core.Queries;

/// <summary>The words the <c>status:</c>, <c>source:</c>, <c>since:</c> and <c>before:</c> terms accept.</summary>
public static class FilterTerms
{
    public static readonly IReadOnlyList<string> Names = ["status", "source", "tag", "since", "before"];

    public static readonly IReadOnlyList<string> Statuses = ["running", "finished", "failed", "killed", "scheduled", "unknown"];

    /// <summary>Every source kind a reader writes (<see cref="Model.Run.Source"/>).</summary>
    public static readonly IReadOnlyList<string> Sources = ["mlflow", "tensorboard", "lightning", "hydra", "sacred", "wandb", "dvc", "guild", "csv"];

    public static readonly IReadOnlyList<string> TimeExamples = ["30m", "12h", "7d", "2w", "2026-11-01", "2026-11-01T08:00"];

    /// <summary>A point in time: an age before <paramref name="now"/> (a whole number of m, h, d or w) or a UTC
    /// date, optionally with a time. Null when the text is neither.</summary>
    public static DateTimeOffset? ParseTime(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 100_000)
        {
            TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
            {
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                'w' => TimeSpan.FromDays(7),
                _ => null,
            };
            if (unit is { } u)
            {
                return now - u * count;
            }
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFK", "yyyy-MM-dd'T'HH:mmK"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }
}
