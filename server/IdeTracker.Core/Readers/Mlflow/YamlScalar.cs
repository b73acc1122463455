using System.Globalization;
using System.Text;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Decodes the scalar forms PyYAML writes for a flat mapping: plain, 'single-quoted' and
/// "double-quoted" with escapes, possibly folded over several lines.</summary>
internal static class YamlScalar
{
    /// <summary>The value, or null for YAML null. <paramref name="complete"/> is false when a quoted value
    /// has no closing quote (a truncated file); the text read so far is returned then.</summary>
    public static string? Decode(string first, List<string>? continuation, out bool complete)
    {
        complete = true;
        if (first.Length == 0 && continuation is null)
        {
            return null;
        }

        var text = first;
        if (continuation is not null)
        {
            text = Join(first, continuation);
        }

        if (text.Length == 0)
        {
            return null;
        }

        return text[0] switch
        {
            '\'' => SingleQuoted(text, out complete),
            '"' => DoubleQuoted(text, out complete),
            _ => Plain(text),
        };
    }

    private static string? Plain(string text) =>
        text is "~" or "null" or "Null" or "NULL" ? null : text;

    /// <summary>Folding joins lines with a space; in a double-quoted value a trailing backslash joins them
    /// with nothing.</summary>
    private static string Join(string first, List<string> continuation)
    {
        var builder = new StringBuilder(first);
        foreach (var part in continuation)
        {
            if (builder.Length > 0 && builder[^1] == '\\' && first.StartsWith('"'))
            {
                builder.Length--;
            }
            else if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    private static string SingleQuoted(string text, out bool complete)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                builder.Append('\'');
                i++;
            }
            else
            {
                complete = true;
                return builder.ToString();
            }
        }

        complete = false;
        return builder.ToString();
    }

    private static string DoubleQuoted(string text, out bool complete)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                complete = true;
                return builder.ToString();
            }

            if (c != '\\' || i + 1 == text.Length)
            {
                builder.Append(c);
                continue;
            }

            i++;
            var escape = text[i];
            var hexDigits = escape switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (hexDigits > 0)
            {
                i += AppendCodePoint(builder, text.AsSpan(i + 1), hexDigits, escape);
                continue;
            }

            builder.Append(escape switch
            {
                '0' => '\0',
                'a' => '\a',
                'b' => '\b',
                't' or '\t' => '\t',
                'n' => '\n',
                'v' => '\v',
                'f' => '\f',
                'r' => '\r',
                'e' => '\u001b',
                'N' => '\u0085',
                '_' => '\u00a0',
                'L' => '\u2028',
                'P' => '\u2029',
                _ => escape,
            });
        }

        complete = false;
        return builder.ToString();
    }

    /// <summary>Appends the code point of a \x, \u or \U escape and returns how many digits it used;
    /// a malformed one is kept as written.</summary>
    private static int AppendCodePoint(StringBuilder builder, ReadOnlySpan<char> after, int digits, char escape)
    {
        if (after.Length >= digits
            && int.TryParse(after[..digits], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
        {
            builder.Append(char.ConvertFromUtf32(code));
            return digits;
        }

        builder.Append('\\').Append(escape);
        return 0;
    }
}
