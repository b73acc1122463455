using System.Text.RegularExpressions;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>The story a note tells, in the speaker's own words: a title (the first sentence, cut at a word to about
/// <see cref="MaxTitleLength"/> characters), a summary (the first one or two sentences), what was tried (every
/// sentence that is not a next step) and the next steps (sentences where the speaker says what they will do).
/// Whisper's non-speech markers (<c>[BLANK_AUDIO]</c>, <c>(silence)</c>) are not words: a transcript of only those is silent.</summary>
public sealed partial record TranscriptStory(
    string? Title,
    string? Summary,
    IReadOnlyList<string> Tried,
    IReadOnlyList<string> NextSteps)
{
    public const int MaxTitleLength = 60;

    /// <summary>A summary of two sentences is kept under this length, else it is just the first.</summary>
    private const int MaxSummaryLength = 300;

    public bool IsSilent => Tried.Count == 0 && NextSteps.Count == 0;

    public static TranscriptStory Of(string transcript)
    {
        var text = Whitespace().Replace(NonSpeech().Replace(transcript, " "), " ").Trim();
        var sentences = SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).ToList();
        if (sentences.Count == 0)
        {
            return new TranscriptStory(null, null, [], []);
        }

        var next = sentences.Where(IsNextStep).ToList();
        var tried = sentences.Where(s => !IsNextStep(s)).ToList();
        var story = tried.Count > 0 ? tried : next;
        var summary = story.Count > 1 && story[0].Length + story[1].Length < MaxSummaryLength ? $"{story[0]} {story[1]}" : story[0];
        return new TranscriptStory(TitleOf(sentences[0]), summary, tried, next);
    }

    /// <summary>The speaker says what they will do: "next I'll…", "I want to try…", "I should…", "maybe try…",
    /// "going to…", "follow up…".</summary>
    public static bool IsNextStep(string sentence) => NextStep().IsMatch(sentence);

    /// <summary>The sentence without its closing punctuation, cut at the last word that fits.</summary>
    private static string TitleOf(string sentence)
    {
        var title = sentence.TrimEnd('.', '!', '?', ',', ';', ':', ' ');
        if (title.Length > MaxTitleLength)
        {
            var cut = title.LastIndexOf(' ', MaxTitleLength);
            title = (cut > MaxTitleLength / 2 ? title[..cut] : title[..MaxTitleLength]).TrimEnd('.', '!', '?', ',', ';', ':', ' ', '-');
        }

        return title;
    }

    [GeneratedRegex(@"\[[^\]]*\]|\((?:silence|music|noise|inaudible|blank[ _]audio|applause|laughter)\)", RegexOptions.IgnoreCase)]
    private static partial Regex NonSpeech();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>After ., ! or ? and before a space: "0.01" and "e.g." inside a word stay whole.</summary>
    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(
        @"\b(?:next(?: time| step| steps)?\b|i(?:['’]ll| will) (?:try|run|rerun|test|add|use|switch|look|check|compare|increase|decrease|lower|raise)|(?:i|we) (?:want|plan|need|intend) to|(?:i|we)(?:['’]d| would) like to|(?:i|we) should|should (?:try|also)|maybe (?:try|i|we)|(?:i['’]m|i am|we['’]re|we are) going to|going to try|follow[- ]?up)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NextStep();
}
