namespace IdeTracker.Core.Configs.Scanning;

/// <summary>A flow collection on one line (<c>[1, 2]</c>, <c>{a: 1, b: [2]}</c>): an entry per scalar item, a Section per
/// keyed collection. A collection left open at the line's end ends there.</summary>
internal sealed class YamlFlowReader(LineMap map, List<ConfigEntry> entries, int start, int end)
{
    private const int MaxDepth = 64;

    private readonly string _text = map.Text;
    private int _at = start;

    public void Read(string[] path) => Value(path, null, 0);

    private void Value(string[] path, TextSpan? keySpan, int depth)
    {
        Skip();
        if (_at >= end)
        {
            return;
        }

        var c = _text[_at];
        if (c is '[' or '{')
        {
            if (keySpan is { } key)
            {
                entries.Add(new ConfigEntry(path, key, null, null, ConfigEntryKind.Section));
            }

            if (depth >= MaxDepth)
            {
                _at = end;
                return;
            }

            _at++;
            if (c == '[')
            {
                Sequence(path, depth);
            }
            else
            {
                Mapping(path, depth);
            }

            return;
        }

        if (c == '*')
        {
            Plain(false);
            return;
        }

        var valueStart = _at;
        string value;
        if (c is '"' or '\'')
        {
            _at = YamlScalars.Quoted(_text, _at, end, out value);
        }
        else
        {
            var plainEnd = Plain(false);
            if (plainEnd == valueStart)
            {
                return;
            }

            value = _text[valueStart..plainEnd];
            var span = map.Span(valueStart, plainEnd);
            entries.Add(new ConfigEntry(path, keySpan ?? span, span, value, ConfigEntryKind.Scalar));
            return;
        }

        var quotedSpan = map.Span(valueStart, _at);
        entries.Add(new ConfigEntry(path, keySpan ?? quotedSpan, quotedSpan, value, ConfigEntryKind.Scalar));
    }

    private void Sequence(string[] path, int depth)
    {
        var index = 0;
        while (true)
        {
            Skip();
            if (_at >= end)
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
            SkipTo(before);
        }
    }

    private void Mapping(string[] path, int depth)
    {
        while (true)
        {
            Skip();
            if (_at >= end)
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
                return;
            }

            if (c == ',')
            {
                _at++;
                continue;
            }

            var before = _at;
            int keyStart, keyEnd;
            string name;
            if (c is '"' or '\'')
            {
                _at = YamlScalars.Quoted(_text, _at, end, out name);
                keyStart = before + 1;
                keyEnd = Math.Max(keyStart, _at - 1);
            }
            else
            {
                keyStart = _at;
                keyEnd = Plain(true);
                name = _text[keyStart..keyEnd];
            }

            Skip();
            if (_at < end && _text[_at] == ':' && keyEnd > keyStart)
            {
                _at++;
                Value(KeyPath.Append(path, name), map.Span(keyStart, keyEnd), depth + 1);
            }

            SkipTo(before);
        }
    }

    /// <summary>After an item: on to the next comma or bracket, stepping over whatever is left of the item.</summary>
    private void SkipTo(int itemStart)
    {
        Skip();
        if (_at == itemStart && _at < end)
        {
            _at++;
        }

        while (_at < end && _text[_at] is not (',' or ']' or '}'))
        {
            _at++;
        }
    }

    /// <summary>A plain scalar's end: before a comma, a closing bracket, or (for a key) ": ".</summary>
    private int Plain(bool isKey)
    {
        var valueEnd = _at;
        while (_at < end)
        {
            var c = _text[_at];
            if (c is ',' or ']' or '}' or '[' or '{'
                || (c == ':' && (isKey || _at + 1 >= end || _text[_at + 1] is ' ' or ',' or ']' or '}')))
            {
                break;
            }

            _at++;
            if (c is not (' ' or '\t'))
            {
                valueEnd = _at;
            }
        }

        return valueEnd;
    }

    private void Skip()
    {
        while (_at < end && _text[_at] is ' ' or '\t')
        {
            _at++;
        }
    }
}
