using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Configs.Scanning;

/// <summary>Splits Python source into logical lines of tokens, as far as config scanning needs: names, numbers,
/// strings (every prefix, triple quotes, escapes), operators; comments dropped. Brackets join lines; a bracket left
/// open (half-typed) stops joining at a later line that starts a statement at or left of the open line's indent.</summary>
internal sealed class PythonTokenizer(string text)
{
    private static readonly HashSet<string> StatementKeywords = new(StringComparer.Ordinal)
    {
        "def", "class", "if", "elif", "else", "for", "while", "with", "try", "except", "finally", "import", "from",
        "return", "async", "@",
    };

    private static readonly System.Buffers.SearchValues<char> DoubleQuoteStops = System.Buffers.SearchValues.Create("\"\\\n\r");
    private static readonly System.Buffers.SearchValues<char> SingleQuoteStops = System.Buffers.SearchValues.Create("'\\\n\r");

    /// <summary>One string per ASCII character, so punctuation tokens allocate no text of their own.</summary>
    private static readonly string[] SingleCharOperators = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    private readonly List<PythonToken> _tokens = [];
    private int _indent;
    private int _depth;
    private int _at;

    /// <summary>The logical lines, produced as they are read. One token list serves every line, so a large file costs
    /// no more than its longest line: a line's tokens are valid until the next line is asked for.</summary>
    public IEnumerable<PythonLogicalLine> Lines()
    {
        var lineStart = true;
        while (_at < text.Length)
        {
            if (lineStart)
            {
                lineStart = false;
                var column = 0;
                while (_at < text.Length && text[_at] is ' ' or '\t' or '\f' or '\uFEFF')
                {
                    _at++;
                    column++;
                }

                if (_depth > 0 && _tokens.Count > 0 && column <= _indent && StartsStatement(_at) && EndLine() is { } unclosed)
                {
                    yield return unclosed;
                    _tokens.Clear();
                }

                if (_tokens.Count == 0)
                {
                    _indent = column;
                }

                continue;
            }

            var c = text[_at];
            if (c is ' ' or '\t' or '\f')
            {
                _at++;
            }
            else if (c is '\n' or '\r')
            {
                _at += c == '\r' && _at + 1 < text.Length && text[_at + 1] == '\n' ? 2 : 1;
                lineStart = true;
                if (_depth == 0 && EndLine() is { } line)
                {
                    yield return line;
                    _tokens.Clear();
                }
            }
            else if (c == '#')
            {
                while (_at < text.Length && text[_at] is not ('\n' or '\r'))
                {
                    _at++;
                }
            }
            else if (c == '\\' && _at + 1 < text.Length && text[_at + 1] is '\n' or '\r')
            {
                _at++;
                _at += text[_at] == '\r' && _at + 1 < text.Length && text[_at + 1] == '\n' ? 2 : 1;
            }
            else if (StringStart(_at) is { } quoteAt)
            {
                _tokens.Add(String(quoteAt));
            }
            else if (char.IsDigit(c) || (c == '.' && _at + 1 < text.Length && char.IsDigit(text[_at + 1])))
            {
                _tokens.Add(Number());
            }
            else if (IsNameChar(c))
            {
                var start = _at;
                while (_at < text.Length && (IsNameChar(text[_at]) || char.IsDigit(text[_at])))
                {
                    _at++;
                }

                _tokens.Add(new PythonToken(PythonTokenKind.Name, start, _at, text[start.._at]));
            }
            else
            {
                _tokens.Add(Operator());
            }
        }

        if (EndLine() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Ends the logical line being read: it, or null when it holds no tokens.</summary>
    private PythonLogicalLine? EndLine()
    {
        _depth = 0;
        if (_tokens.Count == 0)
        {
            return null;
        }

        return new PythonLogicalLine(_indent, _tokens);
    }

    /// <summary>A line that reads as a new statement (<c>def</c>, <c>class</c>, <c>name = …</c>), used to end a
    /// logical line whose bracket was never closed.</summary>
    private bool StartsStatement(int at)
    {
        var i = at;
        while (i < text.Length && (IsNameChar(text[i]) || char.IsDigit(text[i]) || text[i] == '@'))
        {
            i++;
        }

        if (i == at)
        {
            return false;
        }

        if (StatementKeywords.Contains(text[at..i]) || text[at] == '@')
        {
            return true;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '=' && text[i + 1] != '=';
    }

    private static bool IsNameChar(char c) => c == '_' || char.IsLetter(c) || (c > 0x7F && (char.IsSurrogate(c) || char.IsLetterOrDigit(c)));

    /// <summary>The offset of the opening quote when a string (with up to two prefix letters) starts here.</summary>
    private int? StringStart(int at)
    {
        var i = at;
        while (i < text.Length && i - at < 2 && text[i] is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F')
        {
            i++;
        }

        if (i < text.Length && text[i] is '"' or '\'')
        {
            return i;
        }

        return null;
    }

    private PythonToken String(int quoteAt)
    {
        var start = _at;
        var prefix = text[start..quoteAt].ToLowerInvariant();
        var raw = prefix.Contains('r');
        var quote = text[quoteAt];
        var triple = quoteAt + 2 < text.Length && text[quoteAt + 1] == quote && text[quoteAt + 2] == quote;
        var width = triple ? 3 : 1;
        _at = quoteAt + width;
        var contentStart = _at;
        if (!triple && text.AsSpan(_at).IndexOfAny(quote == '"' ? DoubleQuoteStops : SingleQuoteStops) is var stop and >= 0 && text[_at + stop] == quote)
        {
            // Most strings have no escapes: the text between the quotes is the value.
            _at += stop + 1;
            return new PythonToken(PythonTokenKind.String, start, _at, text.Substring(contentStart, stop))
            {
                ContentStart = contentStart,
                ContentEnd = contentStart + stop,
                IsLiteral = !prefix.Contains('f'),
            };
        }

        var builder = new StringBuilder();
        var contentEnd = -1;
        while (_at < text.Length)
        {
            var c = text[_at];
            if (c == quote && (!triple || (_at + 2 < text.Length && text[_at + 1] == quote && text[_at + 2] == quote)))
            {
                contentEnd = _at;
                _at += width;
                break;
            }

            if (!triple && c is '\n' or '\r')
            {
                break;
            }

            _at++;
            if (c != '\\' || _at >= text.Length)
            {
                builder.Append(c);
                continue;
            }

            if (raw)
            {
                builder.Append(c).Append(text[_at]);
                _at++;
                continue;
            }

            Escape(builder);
        }

        return new PythonToken(PythonTokenKind.String, start, _at, builder.ToString())
        {
            ContentStart = contentStart,
            ContentEnd = contentEnd < 0 ? _at : contentEnd,
            IsLiteral = !prefix.Contains('f'),
        };
    }

    /// <summary>Decodes the escape after a backslash (cursor on the escaped character).</summary>
    private void Escape(StringBuilder builder)
    {
        var e = text[_at++];
        switch (e)
        {
            case '\n':
                return;
            case '\r':
                if (_at < text.Length && text[_at] == '\n')
                {
                    _at++;
                }

                return;
            case 'x' or 'u' or 'U':
                var digits = e switch { 'x' => 2, 'u' => 4, _ => 8 };
                if (_at + digits <= text.Length
                    && uint.TryParse(text.AsSpan(_at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
                {
                    builder.Append(char.ConvertFromUtf32((int)code));
                    _at += digits;
                    return;
                }

                builder.Append('\\').Append(e);
                return;
            case >= '0' and <= '7':
                var value = e - '0';
                for (var n = 0; n < 2 && _at < text.Length && text[_at] is >= '0' and <= '7'; n++)
                {
                    value = (value * 8) + (text[_at++] - '0');
                }

                builder.Append((char)value);
                return;
        }

        builder.Append(e switch
        {
            'n' => "\n",
            't' => "\t",
            'r' => "\r",
            'a' => "\a",
            'b' => "\b",
            'f' => "\f",
            'v' => "\v",
            '\\' or '\'' or '"' => e.ToString(),
            _ => "\\" + e,
        });
    }

    private PythonToken Number()
    {
        var start = _at;
        while (_at < text.Length)
        {
            var c = text[_at];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                _at++;
            }
            else if (c is '+' or '-' && text[_at - 1] is 'e' or 'E' && !IsHex(start))
            {
                _at++;
            }
            else
            {
                break;
            }
        }

        return new PythonToken(PythonTokenKind.Number, start, _at, text[start.._at].Replace("_", "", StringComparison.Ordinal));
    }

    private bool IsHex(int start) => start + 1 < text.Length && text[start] == '0' && text[start + 1] is 'x' or 'X';

    private PythonToken Operator()
    {
        var start = _at;
        var c = text[_at++];
        if (c is '(' or '[' or '{')
        {
            _depth++;
        }
        else if (c is ')' or ']' or '}')
        {
            _depth = Math.Max(0, _depth - 1);
        }
        else if (_at < text.Length && ((text[_at] == '=' && "=!<>:+-*/%&|^@".Contains(c)) || (c, text[_at]) is ('-', '>') or ('*', '*') or ('/', '/')))
        {
            _at++;
        }

        var op = _at - start == 1 && c < SingleCharOperators.Length ? SingleCharOperators[c] : text[start.._at];
        return new PythonToken(PythonTokenKind.Operator, start, _at, op);
    }
}
