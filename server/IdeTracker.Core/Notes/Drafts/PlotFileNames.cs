using System.Text;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>File names for plots that are safe for any metric name on any file system: letters, digits, '.', '_'
/// and '-' kept, every other run of characters one '-' (<c>val/acc</c> → <c>val-acc.png</c>), never empty, never
/// hidden, at most <see cref="MaxStemLength"/> characters before ".png", and unique among those already given.</summary>
internal sealed class PlotFileNames
{
    public const int MaxStemLength = 80;

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string For(string metric)
    {
        var stem = Stem(metric);
        var name = stem + ".png";
        for (var n = 2; !_used.Add(name); n++)
        {
            name = $"{stem}-{n}.png";
        }

        return name;
    }

    private static string Stem(string metric)
    {
        var stem = new StringBuilder();
        foreach (var c in metric)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            {
                stem.Append(c);
            }
            else if (stem.Length > 0 && stem[^1] != '-')
            {
                stem.Append('-');
            }
        }

        var text = stem.ToString().Trim('-', '.');
        if (text.Length > MaxStemLength)
        {
            text = text[..MaxStemLength].TrimEnd('-', '.');
        }

        return text.Length == 0 ? "metric" : text;
    }
}
