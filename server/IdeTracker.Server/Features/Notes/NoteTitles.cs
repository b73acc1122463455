namespace IdeTracker.Server.Features.Notes;

/// <summary>A note's title from what was said: the first sentence, cut at a word near 60 characters.</summary>
public static class NoteTitles
{
    public const int MaxLength = 60;

    public static string? FromTranscript(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var end = trimmed.IndexOfAny(['.', '!', '?', '\n']);
        var sentence = (end > 0 ? trimmed[..end] : trimmed).Trim();
        if (sentence.Length > MaxLength)
        {
            var cut = sentence.LastIndexOf(' ', MaxLength);
            sentence = (cut > MaxLength / 2 ? sentence[..cut] : sentence[..MaxLength]).TrimEnd(',', ';', ':', ' ') + "…";
        }

        return sentence.Length == 0 ? null : char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }
}
