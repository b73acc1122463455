using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Reads the text a span covers the way an editor would, splitting lines at \n, \r\n and \r on its own
/// (independently of the parser's line map), and finds entries by dotted path.</summary>
public static class ConfigText
{
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    /// <summary>The text at a span that lies on one line.</summary>
    public static string At(string text, TextSpan span)
    {
        Assert.Equal(span.Line, span.EndLine);
        var line = Lines(text)[span.Line];
        return line[span.Character..span.EndCharacter];
    }

    public static ConfigEntry Single(ConfigDocument document, string dottedPath) =>
        Assert.Single(document.Entries, e => e.DottedPath == dottedPath);

    /// <summary>Asserts a scalar's value, the text at its value span and the text at its key span.</summary>
    public static ConfigEntry AssertScalar(string text, ConfigDocument document, string dottedPath, string value, string written, string key)
    {
        var entry = Single(document, dottedPath);
        Assert.Equal(ConfigEntryKind.Scalar, entry.Kind);
        Assert.Equal(value, entry.Value);
        Assert.Equal(written, At(text, entry.ValueSpan!.Value));
        Assert.Equal(key, At(text, entry.KeySpan));
        return entry;
    }

    /// <summary>Every span of every entry lies inside the document: on an existing line, within its length.</summary>
    public static void AssertSpansInside(string text, ConfigDocument document)
    {
        var lines = Lines(text);
        foreach (var entry in document.Entries)
        {
            foreach (var span in entry.ValueSpan is { } v ? [entry.KeySpan, v] : new[] { entry.KeySpan })
            {
                Assert.InRange(span.Line, 0, lines.Count - 1);
                Assert.InRange(span.EndLine, span.Line, lines.Count - 1);
                Assert.InRange(span.Character, 0, lines[span.Line].Length);
                Assert.InRange(span.EndCharacter, span.EndLine == span.Line ? span.Character : 0, lines[span.EndLine].Length);
            }
        }
    }
}
