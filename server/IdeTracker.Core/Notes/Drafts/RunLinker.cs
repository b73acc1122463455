using System.Text;
using IdeTracker.Core.Index;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>Chooses the runs a note is about: the runs the user selected that the index holds; else the runs the
/// transcript names (a run's name, its native id or a unique prefix of its id, or an experiment's name, which
/// stands for that experiment's latest run), in the order first named; else the workspace's most recent run.
/// Names are compared by <see cref="SpokenWords"/>, so "run seven" names <c>run-7</c> and <c>run_07</c>. The
/// index's names are streamed once and only matches are kept, so a workspace of any size costs one pass.</summary>
public sealed class RunLinker(IndexStore store)
{
    /// <summary>A note links at most this many runs.</summary>
    public const int MaxRuns = 6;

    /// <summary>A name spoken as one plain word must be this long, or it would match ordinary speech.</summary>
    public const int MinSingleWordLength = 5;

    /// <summary>A spoken id prefix must be this long to count.</summary>
    public const int MinIdPrefixLength = 6;

    /// <summary>Longest name, in words, looked for in the transcript.</summary>
    private const int MaxNameWords = 8;

    /// <summary>Names that are words people say about any run, never a name they mean.</summary>
    private static readonly HashSet<string> CommonNames = new(StringComparer.Ordinal)
    {
        "default", "experiment", "experiments", "baseline", "model", "models", "training", "results", "outputs", "logs",
    };

    public RunLink Link(string transcript, IReadOnlyList<string> selectedRunIds, CancellationToken cancellationToken = default)
    {
        if (selectedRunIds.Count > 0)
        {
            var known = store.GetRunRowsByIds(selectedRunIds, null).Select(r => r.Id).Take(MaxRuns).ToList();
            if (known.Count > 0)
            {
                return new RunLink(known, RunLinkReason.Selected);
            }
        }

        var spoken = Spoken(transcript, cancellationToken);
        if (spoken.Count > 0)
        {
            return new RunLink(spoken, RunLinkReason.Spoken);
        }

        return store.GetMostRecentRunId() is { } latest
            ? new RunLink([latest], RunLinkReason.MostRecent)
            : new RunLink([], RunLinkReason.None);
    }

    /// <summary>The runs named in <paramref name="transcript"/>, in the order of their first mention.</summary>
    public IReadOnlyList<string> Spoken(string transcript, CancellationToken cancellationToken = default)
    {
        var words = SpokenWords.OfSpeech(transcript);
        if (words.Count == 0)
        {
            return [];
        }

        var phrases = FirstPositions(words);
        var rawTokens = RawTokens(transcript);

        // A name or an experiment several runs share stands for the latest of them.
        var byName = new Dictionary<string, NamedRun>(StringComparer.Ordinal);
        var byExperiment = new Dictionary<string, NamedRun>(StringComparer.Ordinal);
        var byIdToken = new Dictionary<string, (int At, List<string> Ids)>(StringComparer.Ordinal);
        var buffer = new StringBuilder();
        var experimentKeys = new Dictionary<string, (string Key, int Words)>(StringComparer.Ordinal);
        store.ForEachRunName(run =>
        {
            var name = SpokenWords.KeyOfName(run.Name, buffer);
            if (Find(phrases, name) is { } said)
            {
                KeepLatest(byName, name.Key, new NamedRun(said, name.Words, run.Id, run.StartTime));
            }

            if (run.Experiment is { } experiment)
            {
                if (!experimentKeys.TryGetValue(experiment, out var key))
                {
                    experimentKeys[experiment] = key = SpokenWords.KeyOfName(experiment, buffer);
                }

                if (Find(phrases, key) is { } named)
                {
                    KeepLatest(byExperiment, key.Key, new NamedRun(named, key.Words, run.Id, run.StartTime));
                }
            }

            foreach (var (token, position) in rawTokens)
            {
                if (run.Id.StartsWith(token, StringComparison.Ordinal) || run.NativeId.StartsWith(token, StringComparison.OrdinalIgnoreCase))
                {
                    if (!byIdToken.TryGetValue(token, out var hit))
                    {
                        byIdToken[token] = hit = (position, []);
                    }

                    if (hit.Ids.Count < 2)
                    {
                        hit.Ids.Add(run.Id);
                    }
                }
            }
        }, cancellationToken);

        // "model size sweep three" names a run, not also the experiment "model-size-sweep" its words begin with.
        var experiments = byExperiment.Values.Where(e => !byName.Values.Any(n => e.At < n.At + n.Length && n.At < e.At + e.Length));
        return byName.Values.Select(hit => (hit.At, hit.Id))
            .Concat(byIdToken.Values.Where(hit => hit.Ids.Count == 1).Select(hit => (hit.At, Id: hit.Ids[0])))
            .Concat(experiments.Select(hit => (hit.At, hit.Id)))
            .OrderBy(hit => hit.At)
            .Select(hit => hit.Id)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxRuns)
            .ToList();
    }

    private static void KeepLatest(Dictionary<string, NamedRun> named, string key, NamedRun run)
    {
        if (!named.TryGetValue(key, out var kept) || Later(run, kept))
        {
            named[key] = run;
        }
    }

    /// <summary>Started later (a run without a start time is never later than one with), ties to the greater id.</summary>
    private static bool Later(NamedRun a, NamedRun b) =>
        (a.Start, b.Start) switch
        {
            ({ } x, { } y) when x != y => x > y,
            ({ }, null) => true,
            (null, { }) => false,
            _ => string.CompareOrdinal(a.Id, b.Id) > 0,
        };

    /// <summary>Where each phrase of up to <see cref="MaxNameWords"/> words first starts in the transcript.</summary>
    private static Dictionary<string, int> FirstPositions(IReadOnlyList<string> words)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var start = 0; start < words.Count; start++)
        {
            var phrase = "";
            for (var length = 1; length <= MaxNameWords && start + length <= words.Count; length++)
            {
                phrase = length == 1 ? words[start] : phrase + " " + words[start + length - 1];
                positions.TryAdd(phrase, start);
            }
        }

        return positions;
    }

    /// <summary>Where the transcript says <paramref name="name"/>, or null; a one-word name must be long or hold a
    /// digit and not be a common word, so "by default" does not name the Default experiment.</summary>
    private static int? Find(Dictionary<string, int> phrases, (string Key, int Words) name)
    {
        if (name.Words == 0 || name.Words > MaxNameWords || !phrases.TryGetValue(name.Key, out var at))
        {
            return null;
        }

        var plainWord = name.Words == 1 && (CommonNames.Contains(name.Key) || (name.Key.Length < MinSingleWordLength && !name.Key.Any(char.IsAsciiDigit)));
        return plainWord ? null : at;
    }

    /// <summary>Spoken tokens that could be an id or its prefix (letters and digits, at least one digit, long enough), as
    /// written, each with its place among the transcript's whitespace-separated words: close enough to the
    /// places of spoken names to order the runs by first mention.</summary>
    private static List<(string Token, int At)> RawTokens(string transcript)
    {
        var tokens = new List<(string, int)>();
        var parts = transcript.Split([' ', '\t', '\n', '\r', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var token = parts[i].ToLowerInvariant();
            if (token.Length >= MinIdPrefixLength && token.Any(char.IsAsciiDigit) && token.All(char.IsAsciiLetterOrDigit))
            {
                tokens.Add((token, i));
            }
        }

        return tokens;
    }

    /// <summary>A run found by a name said at word <see cref="At"/>, <see cref="Length"/> words long.</summary>
    private sealed record NamedRun(int At, int Length, string Id, DateTimeOffset? Start);
}
