namespace IdeTracker.Core.Index;

/// <summary>Picks the main metric: the configured one, else the most telling metric the runs report.
/// Names are judged by their words (<c>val_acc</c>, <c>valAcc</c>, <c>val/acc</c> → val, acc), never by
/// substrings, so <c>interval</c> is not a validation metric.</summary>
public static class PrimaryMetric
{
    private static readonly HashSet<string> HeldOutWords = new(StringComparer.Ordinal)
    {
        "val", "valid", "validation", "test", "eval", "evaluation",
    };

    private static readonly HashSet<string> TrainingWords = new(StringComparer.Ordinal) { "train", "training" };

    private static readonly HashSet<string> HigherWords = new(StringComparer.Ordinal)
    {
        "acc", "accuracy", "f1", "auc", "precision", "recall", "score", "r2", "bleu", "rouge", "iou", "dice",
    };

    private static readonly HashSet<string> LowerWords = new(StringComparer.Ordinal)
    {
        "loss", "error", "err", "mae", "mse", "rmse", "perplexity", "ppl", "nll", "wer", "cer",
    };

    /// <summary>The configured name wins (matched case-insensitively to a reported key when one exists;
    /// direction from <paramref name="configuredDirection"/> — max/maximize/higher/up or
    /// min/minimize/lower/down — else from its name, else higher). Otherwise, among keys whose name says
    /// a direction: held-out (val/test/eval) before unmarked before training, then higher-is-better names
    /// before lower-is-better ones, then the key more runs report, then by name. Null when there is
    /// nothing configured and no name says a direction.</summary>
    public static MetricChoice? Choose(IReadOnlyList<MetricKeyCount> keys, string? configuredName, string? configuredDirection)
    {
        if (!string.IsNullOrWhiteSpace(configuredName))
        {
            var name = configuredName.Trim();
            var key = keys.FirstOrDefault(k => k.Key == name)?.Key
                ?? keys.FirstOrDefault(k => string.Equals(k.Key, name, StringComparison.OrdinalIgnoreCase))?.Key
                ?? name;
            var higher = DirectionOf(configuredDirection) ?? DirectionOfName(Words(key)) ?? true;
            return new MetricChoice(key, higher, Configured: true);
        }

        return keys
            .Select(k => (k.Key, k.RunCount, Words: Words(k.Key)))
            .Select(k => (k.Key, k.RunCount, Higher: DirectionOfName(k.Words), Split: SplitRank(k.Words)))
            .Where(k => k.Higher is not null)
            .OrderByDescending(k => k.Split)
            .ThenByDescending(k => k.Higher)
            .ThenByDescending(k => k.RunCount)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new MetricChoice(k.Key, k.Higher!.Value, Configured: false))
            .FirstOrDefault();
    }

    /// <summary>Whether a larger value of <paramref name="key"/> is better, judged by its name (loss, error,
    /// mae, mse, rmse, perplexity… go down); higher when the name does not say.</summary>
    public static bool IsHigherBetter(string key) => DirectionOfName(Words(key)) ?? true;

    private static bool? DirectionOf(string? configured) => configured?.Trim().ToLowerInvariant() switch
    {
        "max" or "maximize" or "maximise" or "higher" or "up" => true,
        "min" or "minimize" or "minimise" or "lower" or "down" => false,
        _ => null,
    };

    private static bool? DirectionOfName(List<string> words)
    {
        if (words.Any(IsHigherWord))
        {
            return true;
        }

        return words.Any(LowerWords.Contains) ? false : null;
    }

    /// <summary>"acc1", "acc5" (top-k accuracy) count as accuracy.</summary>
    private static bool IsHigherWord(string word) =>
        HigherWords.Contains(word) || (word.StartsWith("acc", StringComparison.Ordinal) && word[3..].All(char.IsAsciiDigit));

    private static int SplitRank(List<string> words)
    {
        if (words.Any(HeldOutWords.Contains))
        {
            return 2;
        }

        return words.Any(TrainingWords.Contains) ? 0 : 1;
    }

    /// <summary>Lower-case words of a metric name: split at anything not a letter or digit and where a
    /// lower-case letter meets an upper-case one.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || !char.IsLetterOrDigit(name[i])
                || (i > 0 && char.IsLower(name[i - 1]) && char.IsUpper(name[i]));
            if (boundary && start >= 0)
            {
                words.Add(name[start..i].ToLowerInvariant());
                start = -1;
            }

            if (i < name.Length && char.IsLetterOrDigit(name[i]) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
