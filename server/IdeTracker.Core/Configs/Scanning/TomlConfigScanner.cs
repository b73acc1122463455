using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Configs.Scanning;

/// <summary>TOML: tables, arrays of tables (an index per occurrence), dotted and quoted keys, inline tables, arrays,
/// every string form, numbers (underscores dropped, as a run records the number), booleans, dates as text. A line it
/// cannot read is skipped; an array or inline table left open ends where the next <c>key =</c> line or header
/// begins.</summary>
internal sealed class TomlConfigScanner(LineMap map)
{
    private const int MaxDepth = 64;

    private readonly string _text = map.Text;
    private readonly List<ConfigEntry> _entries = [];
    private readonly Dictionary<string, int> _arrayTables = new(StringComparer.Ordinal);
    private string[] _table = [];
    private int _at;

    /// <summary>Whether the last string read found its closing quote (a key's span then stops before it).</summary>
    private bool _closed;

    public List<ConfigEntry> Scan()
    {
        while (true)
        {
            SkipBlank(newlines: true);
            if (_at >= _text.Length)
            {
                return _entries;
            }

            var before = _at;
            if (_text[_at] == '[')
            {
                Header();
            }
            else
            {
                KeyValue(_table, 0);
            }

            // An array left open stops at the start of the next statement's line, which must still be read.
            if (_at == before || _text[_at - 1] is not ('\n' or '\r'))
            {
                SkipRestOfLine();
            }
        }
    }

    private void Header()
    {
        var isArray = _at + 1 < _text.Length && _text[_at + 1] == '[';
        _at += isArray ? 2 : 1;
        SkipBlank(newlines: false);
        var parts = Key();
        SkipBlank(newlines: false);
        var closer = isArray ? "]]" : "]";
        if (parts is null || string.CompareOrdinal(_text, _at, closer, 0, closer.Length) != 0)
        {
            return;
        }

        _at += closer.Length;
        var resolved = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            resolved.Add(parts[i].Name);
            var joined = string.Join('\u0001', resolved);
            var last = i == parts.Count - 1;
            if (last && isArray)
            {
                var count = _arrayTables.GetValueOrDefault(joined);
                _arrayTables[joined] = count + 1;
                resolved.Add(KeyPath.Index(count));
            }
            else if (_arrayTables.TryGetValue(joined, out var seen))
            {
                resolved.Add(KeyPath.Index(seen - 1));
            }
        }

        _table = [.. resolved];
        _entries.Add(new ConfigEntry(_table, KeySpanOf(parts), null, null, ConfigEntryKind.Section));
    }

    private void KeyValue(string[] table, int depth)
    {
        var parts = Key();
        if (parts is null)
        {
            return;
        }

        SkipBlank(newlines: false);
        if (_at >= _text.Length || _text[_at] != '=')
        {
            return;
        }

        _at++;
        var path = table;
        foreach (var part in parts)
        {
            path = KeyPath.Append(path, part.Name);
        }

        Value(path, KeySpanOf(parts), depth);
    }

    private TextSpan KeySpanOf(List<TomlKeyPart> parts) => map.Span(parts[0].Start, parts[^1].End);

    /// <summary>A dotted key at the cursor; null (cursor unmoved past the damage) when there is none.</summary>
    private List<TomlKeyPart>? Key()
    {
        var parts = new List<TomlKeyPart>();
        while (true)
        {
            SkipBlank(newlines: false);
            if (_at >= _text.Length)
            {
                return null;
            }

            var c = _text[_at];
            if (c is '"' or '\'')
            {
                var start = _at + 1;
                var name = c == '"' ? BasicString() : LiteralString();
                parts.Add(new TomlKeyPart(name, start, Math.Max(start, _at - (_closed ? 1 : 0))));
            }
            else
            {
                var start = _at;
                while (_at < _text.Length && IsBareKeyChar(_text[_at]))
                {
                    _at++;
                }

                if (_at == start)
                {
                    return null;
                }

                parts.Add(new TomlKeyPart(_text[start.._at], start, _at));
            }

            SkipBlank(newlines: false);
            if (_at < _text.Length && _text[_at] == '.')
            {
                _at++;
                continue;
            }

            return parts;
        }
    }

    private static bool IsBareKeyChar(char c) =>
        c is '_' or '-' || char.IsLetterOrDigit(c) || char.IsSurrogate(c) || (c > 0x7F && !char.IsWhiteSpace(c) && c != '\uFEFF');

    private void Value(string[] path, TextSpan keySpan, int depth)
    {
        SkipBlank(newlines: false);
        if (_at >= _text.Length)
        {
            return;
        }

        var c = _text[_at];
        if (c is '[' or '{')
        {
            _entries.Add(new ConfigEntry(path, keySpan, null, null, ConfigEntryKind.Section));
            if (depth >= MaxDepth)
            {
                return;
            }

            _at++;
            if (c == '[')
            {
                Array(path, depth);
            }
            else
            {
                InlineTable(path, depth);
            }

            return;
        }

        Scalar(path, keySpan);
    }

    /// <summary>A scalar at the cursor; list items pass a null key span and are named by their value's span.</summary>
    private void Scalar(string[] path, TextSpan? keySpan)
    {
        var start = _at;
        string value;
        if (_text[_at] == '"')
        {
            value = BasicString();
        }
        else if (_text[_at] == '\'')
        {
            value = LiteralString();
        }
        else
        {
            value = BareValue();
            if (value.Length == 0)
            {
                return;
            }
        }

        var span = map.Span(start, _at);
        _entries.Add(new ConfigEntry(path, keySpan ?? span, span, value, ConfigEntryKind.Scalar));
    }

    private void Array(string[] path, int depth)
    {
        var index = 0;
        while (true)
        {
            if (!SkipInsideCollection())
            {
                return;
            }

            var c = _text[_at];
            if (c == ']')
            {
                _at++;
                return;
            }

            if (c == ',')
            {
                _at++;
                continue;
            }

            var before = _at;
            var item = KeyPath.Append(path, KeyPath.Index(index));
            if (c is '[' or '{')
            {
                _at++;
                if (depth + 1 < MaxDepth)
                {
                    if (c == '[')
                    {
                        Array(item, depth + 1);
                    }
                    else
                    {
                        InlineTable(item, depth + 1);
                    }
                }
            }
            else if (c is not ('}' or '='))
            {
                Scalar(item, null);
            }

            index++;
            if (_at == before)
            {
                _at++;
            }
        }
    }

    private void InlineTable(string[] path, int depth)
    {
        while (true)
        {
            if (!SkipInsideCollection())
            {
                return;
            }

            var c = _text[_at];
            if (c == '}')
            {
                _at++;
                return;
            }

            if (c is ',' or ']')
            {
                _at++;
                continue;
            }

            var before = _at;
            KeyValue(path, depth + 1);
            if (_at == before)
            {
                _at++;
            }
        }
    }

    /// <summary>Skips whitespace, newlines and comments inside an array or inline table. False when the text ends or
    /// the next line starts a new statement (<c>key =</c> or a table header): the collection was left open.</summary>
    private bool SkipInsideCollection()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c is ' ' or '\t')
            {
                _at++;
            }
            else if (c == '#')
            {
                SkipRestOfLine();
            }
            else if (c is '\n' or '\r')
            {
                _at++;
                if (StartsStatement(_at))
                {
                    return false;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the line from <paramref name="at"/> reads as <c>key = …</c> or <c>[header]</c>.</summary>
    private bool StartsStatement(int at)
    {
        var i = at;
        while (i < _text.Length && _text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        if (i >= _text.Length)
        {
            return false;
        }

        if (_text[i] == '[')
        {
            var close = i;
            while (close < _text.Length && _text[close] is not ('\n' or '\r' or ']' or ',' or '"' or '\'' or '{'))
            {
                close++;
            }

            return close > i + 1 && close < _text.Length && _text[close] == ']' && IsBareKeyChar(_text[i + 1] == '[' ? _text[Math.Min(i + 2, close)] : _text[i + 1])
                && !char.IsDigit(_text[i + 1]) && _text[i + 1] != '-';
        }

        var j = i;
        while (j < _text.Length && (IsBareKeyChar(_text[j]) || _text[j] is '.' or ' ' or '\t' or '"' or '\''))
        {
            j++;
        }

        return j > i && j < _text.Length && _text[j] == '=' && (j + 1 >= _text.Length || _text[j + 1] != '=');
    }

    private string BasicString() => QuotedString('"');

    private string LiteralString() => QuotedString('\'');

    /// <summary>One string at the cursor: basic ones (<c>"</c>) decode their escapes, literal ones (<c>'</c>) keep their
    /// text as written; either kind may be multi-line (three quotes).</summary>
    private string QuotedString(char quote)
    {
        var fence = new string(quote, 3);
        var multiline = string.CompareOrdinal(_text, _at, fence, 0, 3) == 0;
        if (!multiline && Plain(quote) is { } plain)
        {
            return plain;
        }

        _at += multiline ? 3 : 1;
        _closed = false;
        if (multiline)
        {
            SkipOneNewline();
        }

        var builder = new StringBuilder();
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == quote && (!multiline || string.CompareOrdinal(_text, _at, fence, 0, 3) == 0))
            {
                return Close(builder, multiline, quote);
            }

            if (!multiline && c is '\n' or '\r')
            {
                return builder.ToString();
            }

            _at++;
            if (quote != '"' || c != '\\' || _at >= _text.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = _text[_at];
            if (multiline && e is ' ' or '\t' or '\n' or '\r' && LineEndingBackslash())
            {
                continue;
            }

            _at++;
            var digits = e switch { 'u' => 4, 'U' => 8, _ => 0 };
            if (digits > 0 && _at + digits <= _text.Length
                && uint.TryParse(_text.AsSpan(_at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
            {
                builder.Append(char.ConvertFromUtf32((int)code));
                _at += digits;
                continue;
            }

            builder.Append(e switch
            {
                'b' => '\b',
                't' => '\t',
                'n' => '\n',
                'f' => '\f',
                'r' => '\r',
                'e' => '\u001b',
                _ => e,
            });
        }

        return builder.ToString();
    }

    /// <summary>A backslash ending a line of a multi-line basic string takes the whitespace and line breaks after it
    /// away. Called with the cursor after the backslash; false (cursor unmoved) when more text follows on the line.</summary>
    private bool LineEndingBackslash()
    {
        var i = _at;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < _text.Length && _text[i] is not ('\n' or '\r'))
        {
            return false;
        }

        while (i < _text.Length && _text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        _at = i;
        return true;
    }

    /// <summary>A one-line string without escapes, read without a builder (most are); null, cursor unmoved, otherwise.</summary>
    private string? Plain(char quote)
    {
        var rest = _text.AsSpan(_at + 1);
        var stop = quote == '"' ? rest.IndexOfAny("\"\\\n\r") : rest.IndexOfAny("'\n\r");
        if (stop < 0 || rest[stop] != quote)
        {
            return null;
        }

        var value = _text.Substring(_at + 1, stop);
        _at += stop + 2;
        _closed = true;
        return value;
    }

    /// <summary>At a closing quote: a multi-line string's closing run may hold up to two quotes of content.</summary>
    private string Close(StringBuilder builder, bool multiline, char quote)
    {
        _closed = true;
        if (!multiline)
        {
            _at++;
            return builder.ToString();
        }

        var run = 0;
        while (_at + run < _text.Length && _text[_at + run] == quote && run < 5)
        {
            run++;
        }

        builder.Append(quote, run - 3);
        _at += run;
        return builder.ToString();
    }

    private void SkipOneNewline()
    {
        if (_at < _text.Length && _text[_at] == '\r')
        {
            _at++;
        }

        if (_at < _text.Length && _text[_at] == '\n')
        {
            _at++;
        }
    }

    /// <summary>A number, boolean, date or other bare value: up to whitespace, a comma, a bracket or a comment. A date
    /// and a time separated by a space stay one value.</summary>
    private string BareValue()
    {
        var start = _at;
        ReadToken();
        if (_at - start == 10 && _at + 3 < _text.Length && _text[_at] == ' ' && _text[start + 4] == '-'
            && char.IsDigit(_text[_at + 1]) && char.IsDigit(_text[_at + 2]) && _text[_at + 3] == ':')
        {
            _at++;
            ReadToken();
        }

        var token = _text[start.._at];
        return token.Length > 0 && (char.IsDigit(token[0]) || token[0] is '+' or '-') && token.Contains('_')
            ? token.Replace("_", "", StringComparison.Ordinal)
            : token;
    }

    private void ReadToken()
    {
        while (_at < _text.Length && _text[_at] is not (' ' or '\t' or '\n' or '\r' or ',' or ']' or '}' or '#' or '[' or '{' or '"' or '\'' or '='))
        {
            _at++;
        }
    }

    private void SkipBlank(bool newlines)
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c is ' ' or '\t' or '\uFEFF' || (newlines && c is '\n' or '\r'))
            {
                _at++;
            }
            else if (newlines && c == '#')
            {
                SkipRestOfLine();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipRestOfLine()
    {
        while (_at < _text.Length && _text[_at] is not ('\n' or '\r'))
        {
            _at++;
        }
    }
}
