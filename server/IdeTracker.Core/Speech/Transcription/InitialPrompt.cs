using System.Text;

namespace IdeTracker.Core.Speech.Transcription;

/// <summary>Whisper's initial prompt for a workspace: the decoder is conditioned on this text as if it had just been
/// said, so names in it (and the way they are written) are favoured. Each name comes with its spoken form
/// ("batch_size (batch size)") so a speaker saying the words gets the identifier, and a few number spellings show
/// how values are written ("3e-4", "0.001"). Whisper keeps only the last n_text_ctx/2 = 224 tokens of a prompt, so the
/// text stays under <see cref="MaxCharacters"/> and names are taken in the order given (most used first), params and
/// metrics alternately, until the next one would not fit.</summary>
public static class InitialPrompt
{
    /// <summary>About 150–200 tokens of English-like identifiers: safely inside Whisper's 224.</summary>
    public const int MaxCharacters = 600;

    private const int MaxNameLength = 48;
    private const string Numbers = "Values like 3e-4, 1e-5, 0.001, 0.95.";

    /// <param name="paramNames">Parameter names, most used first.</param>
    /// <param name="metricNames">Metric names, most used first.</param>
    /// <returns>The prompt, or "" when there are no usable names.</returns>
    public static string Build(IEnumerable<string> paramNames, IEnumerable<string> metricNames)
    {
        var parameters = Usable(paramNames);
        var metrics = Usable(metricNames);
        var chosenParameters = new List<string>();
        var chosenMetrics = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 0; rank < Math.Max(parameters.Count, metrics.Count); rank++)
        {
            TryAdd(parameters, rank, chosenParameters);
            TryAdd(metrics, rank, chosenMetrics);
        }

        return chosenParameters.Count + chosenMetrics.Count == 0 ? "" : Compose(chosenParameters, chosenMetrics);

        void TryAdd(List<string> names, int rank, List<string> chosen)
        {
            if (rank >= names.Count || !seen.Add(names[rank]))
            {
                return;
            }

            chosen.Add(names[rank]);
            if (Compose(chosenParameters, chosenMetrics).Length > MaxCharacters)
            {
                chosen.RemoveAt(chosen.Count - 1);
            }
        }
    }

    /// <summary>How a name is said: separators and camelCase humps become spaces, letters lower case
    /// ("learningRate" and "learning_rate" → "learning rate", "val/loss" → "val loss").</summary>
    public static string Spoken(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.' or '/' or ':' or ' ')
            {
                AppendSpace(text);
                continue;
            }

            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                AppendSpace(text);
            }
            else if (char.IsDigit(c) != (i > 0 && char.IsDigit(name[i - 1])) && i > 0 && char.IsLetterOrDigit(name[i - 1]))
            {
                AppendSpace(text);
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString().Trim();
    }

    private static void AppendSpace(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != ' ')
        {
            text.Append(' ');
        }
    }

    private static List<string> Usable(IEnumerable<string> names) =>
        names.Select(n => n.Trim())
            .Where(n => n.Length is > 0 and <= MaxNameLength && !n.Any(char.IsControl))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string Compose(List<string> parameters, List<string> metrics)
    {
        var text = new StringBuilder();
        Group(text, "Parameters", parameters);
        Group(text, "Metrics", metrics);
        text.Append(Numbers);
        return text.ToString();
    }

    private static void Group(StringBuilder text, string title, List<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        text.Append(title).Append(": ");
        for (var i = 0; i < names.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(names[i]);
            var spoken = Spoken(names[i]);
            if (!string.Equals(spoken, names[i], StringComparison.Ordinal))
            {
                text.Append(" (").Append(spoken).Append(')');
            }
        }

        text.Append(". ");
    }
}
