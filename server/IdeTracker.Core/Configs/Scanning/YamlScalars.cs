using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Configs.Scanning;

/// <summary>Decoding of YAML's quoted scalars within one line: where a quoted scalar ends and what it says.</summary>
internal static class YamlScalars
{
    /// <summary>Reads the quoted scalar opening at <paramref name="start"/> (on ' or "), no further than
    /// <paramref name="end"/>. Returns the offset just past the closing quote, or <paramref name="end"/> when it is
    /// left open (half-typed), and the decoded text.</summary>
    public static int Quoted(string text, int start, int end, out string value) =>
        Quoted(text, start, end, out value, out _);

    /// <summary>The same, saying whether the closing quote was found.</summary>
    public static int Quoted(string text, int start, int end, out string value, out bool closed)
    {
        // Most quoted scalars have no escapes: the text between the quotes is the value.
        var quote = text[start];
        var stop = quote == '"'
            ? text.AsSpan(start + 1, end - start - 1).IndexOfAny('"', '\\')
            : text.AsSpan(start + 1, end - start - 1).IndexOf('\'');
        var at = start + 1 + stop;
        if (stop >= 0 && text[at] == quote && (quote == '"' || at + 1 >= end || text[at + 1] != '\''))
        {
            value = text.Substring(start + 1, stop);
            closed = true;
            return at + 1;
        }

        var builder = new StringBuilder();
        var after = Continue(text, text[start], start + 1, end, builder, out closed);
        value = builder.ToString();
        return after;
    }

    /// <summary>Decodes quoted text from <paramref name="from"/> (inside a scalar opened by <paramref name="quote"/>)
    /// into <paramref name="builder"/>; returns the offset past the closing quote, or <paramref name="end"/>.</summary>
    public static int Continue(string text, char quote, int from, int end, StringBuilder builder, out bool closed)
    {
        closed = true;
        var i = from;
        while (i < end)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    if (i + 1 < end && text[i + 1] == '\'')
                    {
                        builder.Append('\'');
                        i += 2;
                        continue;
                    }

                    return i + 1;
                }

                builder.Append(c);
                i++;
                continue;
            }

            if (c == '"')
            {
                return i + 1;
            }

            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                i++;
                continue;
            }

            i = Escape(text, i + 1, end, builder);
        }

        closed = false;
        return end;
    }

    /// <summary>Decodes the escape whose letter is at <paramref name="at"/>; returns the offset after it.</summary>
    private static int Escape(string text, int at, int end, StringBuilder builder)
    {
        var e = text[at];
        var digits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits > 0)
        {
            if (at + digits < end
                && uint.TryParse(text.AsSpan(at + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF || digits == 4))
            {
                if (code > 0xFFFF)
                {
                    builder.Append(char.ConvertFromUtf32((int)code));
                }
                else
                {
                    builder.Append((char)code);
                }

                return at + 1 + digits;
            }

            builder.Append(e);
            return at + 1;
        }

        builder.Append(e switch
        {
            '0' => "\0",
            'a' => "\a",
            'b' => "\b",
            't' or '\t' => "\t",
            'n' => "\n",
            'v' => "\v",
            'f' => "\f",
            'r' => "\r",
            'e' => "\u001b",
            'N' => "\u0085",
            '_' => "\u00a0",
            'L' => "\u2028",
            'P' => "\u2029",
            _ => e.ToString(),
        });
        return at + 1;
    }

    /// <summary>Where a comment starts on the stretch (a # at its start or after whitespace, outside quoted
    /// scalars), else <paramref name="end"/>. Quotes count only where a scalar can start: at the stretch's start or
    /// after an indicator (": ", "- ", ",", "[", "{"), so the apostrophe of <c>it's</c> is just a letter.</summary>
    public static int CommentStart(string text, int start, int end)
    {
        var tokenStart = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '#' when i == start || text[i - 1] is ' ' or '\t':
                    return i;
                case '"' or '\'' when tokenStart:
                    i = Quoted(text, i, end, out _) - 1;
                    tokenStart = false;
                    break;
                case ' ' or '\t':
                    break;
                case ':' or '-' or '?' when i + 1 >= end || text[i + 1] is ' ' or '\t':
                    tokenStart = tokenStart || c == ':';
                    break;
                case ',' or '[' or '{':
                    tokenStart = true;
                    break;
                default:
                    tokenStart = false;
                    break;
            }
        }

        return end;
    }
}
