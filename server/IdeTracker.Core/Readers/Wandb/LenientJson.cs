using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Parses the JSON that W&amp;B writes (value_json in the log, wandb-summary.json, wandb-metadata.json).
/// Python's json module writes NaN, Infinity and -Infinity as bare words, which System.Text.Json rejects, so
/// this small parser accepts them as numbers. Depth and size are bounded; invalid input gives null and a
/// reason with the byte offset, never an exception.</summary>
internal ref struct LenientJson
{
    public const int MaxDepth = 64;

    /// <summary>Values in one document: far beyond any summary or metadata file, small enough to keep memory bounded.</summary>
    public const int MaxValues = 1_000_000;

    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private int _values;
    private int _errorAt;

    private LenientJson(ReadOnlySpan<byte> json)
    {
        _json = json;
        _errorAt = -1;
    }

    /// <summary>The value the whole text holds (surrounding white space allowed), or null, why not, and the
    /// byte offset where it went wrong.</summary>
    public static JsonValue? Parse(ReadOnlySpan<byte> json, out string? error, out int errorOffset)
    {
        var parser = new LenientJson(json);
        var value = parser.ParseDocument(out error);
        errorOffset = value is null ? (parser._errorAt >= 0 ? parser._errorAt : parser._position) : 0;
        return value;
    }

    public static JsonValue? Parse(ReadOnlySpan<byte> json) => Parse(json, out _, out _);

    private JsonValue? ParseDocument(out string? error)
    {
        var value = ParseValue(0, out error);
        if (value is null)
        {
            return null;
        }

        SkipWhite();
        if (_position < _json.Length)
        {
            error = "unexpected text after the value";
            return null;
        }

        return value;
    }

    private JsonValue? ParseValue(int depth, out string? error)
    {
        error = null;
        if (++_values > MaxValues)
        {
            error = $"more than {MaxValues:N0} values";
            return null;
        }

        SkipWhite();
        if (_position >= _json.Length)
        {
            error = "the text ends where a value should be";
            return null;
        }

        switch (_json[_position])
        {
            case (byte)'{':
                return depth >= MaxDepth ? TooDeep(out error) : ParseObject(depth, out error);
            case (byte)'[':
                return depth >= MaxDepth ? TooDeep(out error) : ParseArray(depth, out error);
            case (byte)'"':
                return ParseString(out var text, out error) ? JsonValue.OfString(text) : null;
            case (byte)'t':
                return Word("true"u8, JsonValue.True, out error);
            case (byte)'f':
                return Word("false"u8, JsonValue.False, out error);
            case (byte)'n':
                return Word("null"u8, JsonValue.Null, out error);
            case (byte)'N':
                return Word("NaN"u8, JsonValue.OfNumber("NaN", double.NaN), out error);
            case (byte)'I':
                return Word("Infinity"u8, JsonValue.OfNumber("Infinity", double.PositiveInfinity), out error);
            default:
                return ParseNumber(out error);
        }
    }

    private JsonValue? TooDeep(out string? error)
    {
        error = $"nested deeper than {MaxDepth} levels";
        return null;
    }

    private JsonValue? ParseObject(int depth, out string? error)
    {
        _position++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhite();
        if (TryTake((byte)'}'))
        {
            error = null;
            return JsonValue.OfObject(members);
        }

        while (true)
        {
            SkipWhite();
            if (_position >= _json.Length || _json[_position] != (byte)'"')
            {
                error = "expected a quoted name";
                return null;
            }

            if (!ParseString(out var name, out error))
            {
                return null;
            }

            SkipWhite();
            if (!TryTake((byte)':'))
            {
                error = "expected ':'";
                return null;
            }

            var value = ParseValue(depth + 1, out error);
            if (value is null)
            {
                return null;
            }

            members.Add(new(name, value));
            SkipWhite();
            if (TryTake((byte)'}'))
            {
                return JsonValue.OfObject(members);
            }

            if (!TryTake((byte)','))
            {
                error = "expected ',' or '}'";
                return null;
            }
        }
    }

    private JsonValue? ParseArray(int depth, out string? error)
    {
        _position++;
        var items = new List<JsonValue>();
        SkipWhite();
        if (TryTake((byte)']'))
        {
            error = null;
            return JsonValue.OfArray(items);
        }

        while (true)
        {
            var value = ParseValue(depth + 1, out error);
            if (value is null)
            {
                return null;
            }

            items.Add(value);
            SkipWhite();
            if (TryTake((byte)']'))
            {
                return JsonValue.OfArray(items);
            }

            if (!TryTake((byte)','))
            {
                error = "expected ',' or ']'";
                return null;
            }
        }
    }

    private JsonValue? ParseNumber(out string? error)
    {
        var start = _position;
        while (_position < _json.Length && IsNumberByte(_json[_position]))
        {
            _position++;
        }

        var token = _json[start.._position];
        if (token.SequenceEqual("-"u8) && _json[_position..].StartsWith("Infinity"u8))
        {
            _position += "Infinity"u8.Length;
            error = null;
            return JsonValue.OfNumber("-Infinity", double.NegativeInfinity);
        }

        if (token.IsEmpty || !Utf8Parser.TryParse(token, out double number, out var used) || used != token.Length)
        {
            _errorAt = start;
            error = "not a JSON value";
            return null;
        }

        error = null;
        return JsonValue.OfNumber(Encoding.ASCII.GetString(token), number);
    }

    private static bool IsNumberByte(byte b) =>
        b is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E';

    /// <summary>A quoted string with JSON escapes; bytes that are not UTF-8 become U+FFFD.</summary>
    private bool ParseString(out string text, out string? error)
    {
        var start = ++_position;
        var end = _json[start..].IndexOfAny((byte)'"', (byte)'\\');
        if (end >= 0 && _json[start + end] == (byte)'"')
        {
            // No escapes: the common case, decoded in one go.
            text = Encoding.UTF8.GetString(_json.Slice(start, end));
            _position = start + end + 1;
            error = null;
            return true;
        }

        var builder = new StringBuilder();
        var runStart = start;
        while (_position < _json.Length)
        {
            var b = _json[_position];
            if (b == (byte)'"')
            {
                builder.Append(Encoding.UTF8.GetString(_json[runStart.._position]));
                _position++;
                text = builder.ToString();
                error = null;
                return true;
            }

            if (b != (byte)'\\')
            {
                _position++;
                continue;
            }

            builder.Append(Encoding.UTF8.GetString(_json[runStart.._position]));
            if (!AppendEscape(builder))
            {
                text = "";
                error = "a bad escape in a string";
                return false;
            }

            runStart = _position;
        }

        text = "";
        _errorAt = start - 1;
        error = "a string has no closing quote";
        return false;
    }

    /// <summary>Appends the escape at the current backslash and moves past it. Lone surrogates from \u escapes
    /// are kept as the char they name, as .NET strings allow.</summary>
    private bool AppendEscape(StringBuilder builder)
    {
        if (_position + 1 >= _json.Length)
        {
            return false;
        }

        var c = _json[_position + 1];
        _position += 2;
        switch (c)
        {
            case (byte)'"': builder.Append('"'); return true;
            case (byte)'\\': builder.Append('\\'); return true;
            case (byte)'/': builder.Append('/'); return true;
            case (byte)'b': builder.Append('\b'); return true;
            case (byte)'f': builder.Append('\f'); return true;
            case (byte)'n': builder.Append('\n'); return true;
            case (byte)'r': builder.Append('\r'); return true;
            case (byte)'t': builder.Append('\t'); return true;
            case (byte)'u':
                if (_position + 4 > _json.Length
                    || !int.TryParse(_json.Slice(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    return false;
                }

                builder.Append((char)code);
                _position += 4;
                return true;
            default:
                return false;
        }
    }

    private JsonValue? Word(ReadOnlySpan<byte> word, JsonValue value, out string? error)
    {
        if (!_json[_position..].StartsWith(word))
        {
            error = "not a JSON value";
            return null;
        }

        _position += word.Length;
        error = null;
        return value;
    }

    private bool TryTake(byte b)
    {
        if (_position < _json.Length && _json[_position] == b)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipWhite()
    {
        while (_position < _json.Length && _json[_position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _position++;
        }
    }
}
