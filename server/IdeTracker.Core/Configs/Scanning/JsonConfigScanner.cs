using System.Text;

namespace IdeTracker.Core.Configs.Scanning;

/// <summary>JSON and JSONC: objects, arrays, strings with every escape, numbers and literals, with comments and
/// trailing commas. Recovers from damage by skipping what it cannot read, so a cut or a stray character loses only the
/// entries it touches.</summary>
internal sealed class JsonConfigScanner(LineMap map)
{
    private const int MaxDepth = 256;

    private readonly string _text = map.Text;
    private readonly List<ConfigEntry> _entries = [];
    private static readonly System.Buffers.SearchValues<char> StringStops = System.Buffers.SearchValues.Create("\"\\\n\r");

    private readonly StringBuilder _builder = new();
    private int _at;
    private bool _stringClosed;

    public List<ConfigEntry> Scan()
    {
        while (true)
        {
            SkipTrivia();
            if (_at >= _text.Length)
            {
                return _entries;
            }

            var before = _at;
            Value([], null, 0);
            if (_at == before)
            {
                _at++;
            }
        }
    }

    /// <summary>Reads one value at the cursor. <paramref name="keySpan"/> is the key that names it (null at the top
    /// level); list items are named by their own value's span.</summary>
    private void Value(string[] path, TextSpan? keySpan, int depth)
    {
        SkipTrivia();
        if (_at >= _text.Length)
        {
            return;
        }

        var c = _text[_at];
        if (c is '{' or '[')
        {
            if (keySpan is { } key && path.Length > 0)
            {
                _entries.Add(new ConfigEntry(path, key, null, null, ConfigEntryKind.Section));
            }

            if (depth >= MaxDepth)
            {
                SkipNested();
                return;
            }

            if (c == '{')
            {
                Object(path, depth);
            }
            else
            {
                Array(path, depth);
            }

            return;
        }

        var start = _at;
        string? value;
        if (c == '"')
        {
            value = String();
        }
        else
        {
            while (_at < _text.Length && !IsDelimiter(_text[_at]))
            {
                _at++;
            }

            value = _at > start ? _text[start.._at] : null;
        }

        if (value is null || path.Length == 0)
        {
            return;
        }

        var span = map.Span(start, _at);
        _entries.Add(new ConfigEntry(path, keySpan ?? span, span, value, ConfigEntryKind.Scalar));
    }

    private void Object(string[] path, int depth)
    {
        _at++;
        while (true)
        {
            SkipTrivia();
            if (_at >= _text.Length)
            {
                return;
            }

            var c = _text[_at];
            if (c == '}')
            {
                _at++;
                return;
            }

            if (c == ']')
            {
                // A bracket that closes an outer array: this object was left open.
                return;
            }

            if (c == ',')
            {
                _at++;
                continue;
            }

            if (c != '"')
            {
                SkipToMember();
                continue;
            }

            var keyStart = _at + 1;
            var name = String();
            var keySpan = map.Span(keyStart, _stringClosed ? _at - 1 : _at);
            SkipTrivia();
            if (_at >= _text.Length || _text[_at] != ':')
            {
                SkipToMember();
                continue;
            }

            _at++;
            Value(KeyPath.Append(path, name), keySpan, depth + 1);
            SkipTrivia();

            // A missing comma before the next key is the commonest slip; the next member is still read.
            if (_at < _text.Length && _text[_at] is not (',' or '}' or ']' or '"'))
            {
                SkipToMember();
            }
        }
    }

    private void Array(string[] path, int depth)
    {
        _at++;
        var index = 0;
        while (true)
        {
            SkipTrivia();
            if (_at >= _text.Length)
            {
                return;
            }

            var c = _text[_at];
            if (c == ']')
            {
                _at++;
                return;
            }

            if (c == '}')
            {
                return;
            }

            if (c == ',')
            {
                _at++;
                continue;
            }

            var before = _at;
            Value(KeyPath.Append(path, KeyPath.Index(index++)), null, depth + 1);
            if (_at == before)
            {
                _at++;
            }

            SkipTrivia();
            if (_at < _text.Length && _text[_at] is not (',' or '}' or ']'))
            {
                SkipToMember();
            }
        }
    }

    /// <summary>Reads a string from its opening quote, decoding escapes. A string left open ends at its line's end,
    /// as a half-typed one does while the user types.</summary>
    private string String()
    {
        _at++;
        var plainEnd = _text.AsSpan(_at).IndexOfAny(StringStops);
        if (plainEnd >= 0 && _text[_at + plainEnd] == '"')
        {
            // Most strings have no escapes: no builder needed.
            var plain = _text.Substring(_at, plainEnd);
            _at += plainEnd + 1;
            _stringClosed = true;
            return plain;
        }

        _stringClosed = false;
        var builder = _builder.Clear();
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '"')
            {
                _at++;
                _stringClosed = true;
                return builder.ToString();
            }

            if (c is '\n' or '\r')
            {
                return builder.ToString();
            }

            _at++;
            if (c != '\\' || _at >= _text.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = _text[_at++];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when Hex4(_at) is { } unit:
                    builder.Append((char)unit);
                    _at += 4;
                    break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }

    private int? Hex4(int at)
    {
        if (at + 4 > _text.Length)
        {
            return null;
        }

        var value = 0;
        for (var i = at; i < at + 4; i++)
        {
            var digit = HexDigit(_text[i]);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return value;
    }

    internal static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsDelimiter(char c) =>
        c is ',' or ':' or '{' or '}' or '[' or ']' or '"' or ' ' or '\t' or '\n' or '\r' or '/';

    /// <summary>Skips damage inside an object up to the next member or the object's end.</summary>
    private void SkipToMember()
    {
        while (_at < _text.Length && _text[_at] is not (',' or '}' or ']' or '\n' or '\r'))
        {
            if (_text[_at] is '{' or '[')
            {
                SkipNested();
                continue;
            }

            _at++;
        }

        if (_at < _text.Length && _text[_at] is '\n' or '\r')
        {
            _at++;
        }
    }

    /// <summary>Skips a whole nested value without reading it: too deep to name, or damage.</summary>
    private void SkipNested()
    {
        var depth = 0;
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '"')
            {
                String();
                continue;
            }

            _at++;
            if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth <= 0)
            {
                return;
            }
        }
    }

    private void SkipTrivia()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c is ' ' or '\t' or '\n' or '\r' or '\uFEFF')
            {
                _at++;
            }
            else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
            {
                while (_at < _text.Length && _text[_at] is not ('\n' or '\r'))
                {
                    _at++;
                }
            }
            else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
            {
                var end = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                _at = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
