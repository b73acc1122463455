namespace IdeTracker.Core.Configs.Scanning;

/// <summary>YAML as config files write it, read line by line by indentation: block mappings and sequences, one-line
/// flow collections, quoted and plain scalars, block scalars (<c>|</c>, <c>&gt;</c>: a Scalar whose value is the
/// joined text and whose value span is the indicator), Hydra <c>defaults</c> lists. Anchors and tags are stepped over;
/// an alias sets nothing. A line it cannot place (bad indentation, half-typed) is skipped and the next is read afresh.</summary>
internal sealed class YamlConfigScanner(LineMap map)
{
    /// <summary>Nesting beyond this (a line of thousands of dashes) is not read, so it cannot exhaust the stack.</summary>
    private const int MaxDepth = 256;

    private readonly string _text = map.Text;
    private readonly List<ConfigEntry> _entries = new(map.LineCount);
    private readonly List<YamlFrame> _stack = [];
    private YamlPending? _pending;
    private int _plainEntry = -1;
    private int _plainOwnerIndent;
    private int _line;

    public List<ConfigEntry> Scan()
    {
        for (_line = 0; _line < map.LineCount; _line++)
        {
            var start = map.LineStart(_line);
            var end = map.LineEnd(_line);
            var pos = start;
            while (pos < end && _text[pos] is ' ' or '\t' or '\uFEFF')
            {
                pos++;
            }

            if (pos == end || _text[pos] == '#')
            {
                continue;
            }

            if (pos == start && IsDocumentMarker(start, end))
            {
                _stack.Clear();
                _pending = null;
                _plainEntry = -1;
                continue;
            }

            if (pos == start && _text[pos] == '%')
            {
                continue;
            }

            var contentEnd = YamlScalars.CommentStart(_text, pos, end);
            while (contentEnd > pos && _text[contentEnd - 1] is ' ' or '\t')
            {
                contentEnd--;
            }

            if (contentEnd > pos)
            {
                Line(pos, contentEnd, pos - start);
            }
        }

        return _entries;
    }

    private bool IsDocumentMarker(int start, int end) =>
        end - start >= 3
        && (string.CompareOrdinal(_text, start, "---", 0, 3) == 0 || string.CompareOrdinal(_text, start, "...", 0, 3) == 0)
        && (end - start == 3 || _text[start + 3] is ' ' or '\t');

    private void Line(int pos, int end, int indent)
    {
        if (_plainEntry >= 0 && _pending is null && indent > _plainOwnerIndent && !IsDash(pos, end) && !IsKeyLine(pos, end))
        {
            ContinuePlain(pos, end);
            return;
        }

        _plainEntry = -1;
        var dash = IsDash(pos, end);
        if (_pending is { } pending)
        {
            _pending = null;
            if (indent > pending.Indent || (indent == pending.Indent && dash && pending.SameIndentList))
            {
                _stack.Add(new YamlFrame(indent, pending.Path, dash) { IsHydraDefaults = pending.IsHydraDefaults && dash });
            }
        }

        while (_stack.Count > 1 && (_stack[^1].Indent > indent || (_stack[^1].Indent == indent && _stack[^1].IsList && !dash)))
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        if (_stack.Count == 0)
        {
            _stack.Add(new YamlFrame(indent, [], dash));
        }

        var frame = _stack[^1];
        if (_stack.Count == 1 && indent < frame.Indent)
        {
            frame.Indent = indent;
        }

        if (frame.Indent != indent || frame.IsList != dash)
        {
            return;
        }

        if (dash)
        {
            Item(pos, end, frame);
        }
        else
        {
            MapLine(pos, end, frame);
        }
    }

    private void Item(int pos, int end, YamlFrame frame)
    {
        var path = KeyPath.Append(frame.Path, KeyPath.Index(frame.Count++));
        var content = SkipSpaces(pos + 1, end);
        if (content == end)
        {
            _pending = new YamlPending(path, frame.Indent, SameIndentList: false, IsHydraDefaults: false);
            return;
        }

        if (frame.IsHydraDefaults)
        {
            HydraDefault(content, end);
            return;
        }

        var column = content - map.LineStart(_line);
        if (_stack.Count >= MaxDepth)
        {
            return;
        }

        if (IsDash(content, end))
        {
            var list = new YamlFrame(column, path, true);
            _stack.Add(list);
            Item(content, end, list);
        }
        else if (IsKeyLine(content, end))
        {
            var mapping = new YamlFrame(column, path, false);
            _stack.Add(mapping);
            MapLine(content, end, mapping);
        }
        else
        {
            Value(path, null, content, end, frame.Indent, sameIndentList: false, isDefaults: false);
        }
    }

    private void MapLine(int pos, int end, YamlFrame frame)
    {
        if (Key(pos, end) is not { } key || key.Name == "<<")
        {
            return;
        }

        var path = KeyPath.Append(frame.Path, key.Name);
        var isDefaults = _stack.Count == 1 && key.Name == "defaults";
        Value(path, Span(key.Start, key.End), key.After, end, frame.Indent, sameIndentList: true, isDefaults);
    }

    /// <summary>The value after a key or a list item's dash, up to the comment. <paramref name="keySpan"/> is null for
    /// list items, which are named by their value's own span.</summary>
    private void Value(string[] path, TextSpan? keySpan, int at, int end, int ownerIndent, bool sameIndentList, bool isDefaults)
    {
        at = SkipProperties(SkipSpaces(at, end), end);
        if (at == end)
        {
            if (keySpan is { } key)
            {
                _entries.Add(new ConfigEntry(path, key, null, null, ConfigEntryKind.Section));
            }

            _pending = new YamlPending(path, ownerIndent, sameIndentList, isDefaults);
            return;
        }

        var c = _text[at];
        switch (c)
        {
            case '*':
                return;
            case '|' or '>':
                BlockScalar(path, keySpan, at, end, ownerIndent);
                return;
            case '[' or '{':
                if (keySpan is { } section)
                {
                    _entries.Add(new ConfigEntry(path, section, null, null, ConfigEntryKind.Section));
                }

                if (!isDefaults)
                {
                    new YamlFlowReader(map, _entries, at, end).Read(path);
                }

                return;
            case '"' or '\'':
                var close = YamlScalars.Quoted(_text, at, end, out var quoted, out var closed);
                var quotedSpan = Span(at, close);
                if (!closed && MultiLineQuoted(at, ownerIndent) is { } joined)
                {
                    quoted = joined;
                }

                _entries.Add(new ConfigEntry(path, keySpan ?? quotedSpan, quotedSpan, quoted, ConfigEntryKind.Scalar));
                return;
            default:
                var span = Span(at, end);
                _plainEntry = _entries.Count;
                _plainOwnerIndent = ownerIndent;
                _entries.Add(new ConfigEntry(path, keySpan ?? span, span, _text[at..end], ConfigEntryKind.Scalar));
                return;
        }
    }

    /// <summary>A quoted scalar left open at its line's end that closes on a later line indented deeper than its
    /// owner: the lines folded as YAML folds them (one break is a space, each empty line a break). Null, and nothing
    /// consumed, when a line at or left of the owner's indent comes first: then it is half-typed, not multi-line.</summary>
    private string? MultiLineQuoted(int at, int ownerIndent)
    {
        var quote = _text[at];
        var builder = new System.Text.StringBuilder();
        YamlScalars.Continue(_text, quote, at + 1, map.LineEnd(_line), builder, out _);
        TrimEnd(builder);
        var breaks = 0;
        for (var next = _line + 1; next < map.LineCount; next++)
        {
            var start = map.LineStart(next);
            var end = map.LineEnd(next);
            var pos = SkipSpaces(start, end);
            if (pos == end)
            {
                breaks++;
                continue;
            }

            if (pos - start <= ownerIndent)
            {
                return null;
            }

            builder.Append(breaks == 0 ? " " : new string('\n', breaks));
            breaks = 0;
            YamlScalars.Continue(_text, quote, pos, end, builder, out var closed);
            if (closed)
            {
                _line = next;
                return builder.ToString();
            }

            TrimEnd(builder);
        }

        return null;
    }

    private static void TrimEnd(System.Text.StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] is ' ' or '\t')
        {
            builder.Length--;
        }
    }

    /// <summary>A plain scalar continued on a more indented line: the value gains the line's text after a space; the
    /// span stays on the first line.</summary>
    private void ContinuePlain(int pos, int end)
    {
        var entry = _entries[_plainEntry];
        _entries[_plainEntry] = entry with { Value = entry.Value + " " + _text[pos..end] };
    }

    /// <summary>One item of a Hydra defaults list: <c>group: option</c>, with <c>override </c>/<c>optional </c>, a
    /// leading slash and an <c>@package</c> taken off the group. Bare names (<c>_self_</c>) choose no group.</summary>
    private void HydraDefault(int at, int end)
    {
        if (Key(at, end) is not { } key)
        {
            return;
        }

        var groupStart = key.Start;
        var groupEnd = key.End;
        foreach (var keyword in (string[])["override", "optional"])
        {
            if (groupEnd - groupStart > keyword.Length
                && string.CompareOrdinal(_text, groupStart, keyword, 0, keyword.Length) == 0
                && _text[groupStart + keyword.Length] is ' ' or '\t')
            {
                groupStart = SkipSpaces(groupStart + keyword.Length, groupEnd);
            }
        }

        if (groupStart < groupEnd && _text[groupStart] == '/')
        {
            groupStart++;
        }

        var package = _text.IndexOf('@', groupStart, groupEnd - groupStart);
        if (package >= 0)
        {
            groupEnd = package;
        }

        var valueAt = SkipProperties(SkipSpaces(key.After, end), end);
        if (groupEnd <= groupStart || valueAt == end || _text[valueAt] is '[' or '{' or '*' or '|' or '>')
        {
            return;
        }

        string option;
        int valueEnd;
        if (_text[valueAt] is '"' or '\'')
        {
            valueEnd = YamlScalars.Quoted(_text, valueAt, end, out option);
        }
        else
        {
            valueEnd = end;
            option = _text[valueAt..end];
        }

        var group = key.Quoted ? key.Name : _text[groupStart..groupEnd];
        _entries.Add(new ConfigEntry([group], Span(groupStart, groupEnd), Span(valueAt, valueEnd), option, ConfigEntryKind.HydraDefault));
    }

    /// <summary>A block scalar: the lines indented deeper than its owner, joined literally (<c>|</c>) or folded
    /// (<c>&gt;</c>), chomped as its indicator says. The cursor moves past its last line.</summary>
    private void BlockScalar(string[] path, TextSpan? keySpan, int at, int end, int ownerIndent)
    {
        var folded = _text[at] == '>';
        var chomp = ' ';
        var explicitIndent = 0;
        var headerEnd = at + 1;
        while (headerEnd < end && _text[headerEnd] is '+' or '-' or (>= '1' and <= '9'))
        {
            if (_text[headerEnd] is '+' or '-')
            {
                chomp = _text[headerEnd];
            }
            else
            {
                explicitIndent = _text[headerEnd] - '0';
            }

            headerEnd++;
        }

        var lines = new List<string>();
        var contentIndent = explicitIndent > 0 ? Math.Max(ownerIndent, 0) + explicitIndent : -1;
        var last = _line;
        for (var next = _line + 1; next < map.LineCount; next++)
        {
            var start = map.LineStart(next);
            var lineEnd = map.LineEnd(next);
            var indent = 0;
            while (start + indent < lineEnd && _text[start + indent] == ' ')
            {
                indent++;
            }

            if (start + indent == lineEnd)
            {
                lines.Add("");
                continue;
            }

            if (contentIndent < 0)
            {
                if (indent <= ownerIndent)
                {
                    break;
                }

                contentIndent = indent;
            }

            if (indent < contentIndent)
            {
                break;
            }

            lines.Add(_text[(start + contentIndent)..lineEnd]);
            last = next;
        }

        var kept = lines.Count;
        while (kept > 0 && lines[kept - 1].Length == 0)
        {
            kept--;
        }

        var trailing = lines.Count - kept;
        lines.RemoveRange(kept, lines.Count - kept);
        var body = folded ? Fold(lines) : string.Join('\n', lines);
        var value = lines.Count == 0 ? "" : chomp switch
        {
            '-' => body,
            '+' => body + new string('\n', 1 + trailing),
            _ => body + "\n",
        };
        var span = Span(at, headerEnd);
        _line = last;
        _entries.Add(new ConfigEntry(path, keySpan ?? span, span, value, ConfigEntryKind.Scalar));
    }

    /// <summary>Folding: a single line break between two lines of text becomes a space, more-indented lines and
    /// empty lines keep their breaks.</summary>
    private static string Fold(List<string> lines)
    {
        var builder = new System.Text.StringBuilder();
        var breaks = 0;
        string? previous = null;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                breaks++;
                continue;
            }

            if (previous is not null)
            {
                var literal = previous[0] is ' ' or '\t' || line[0] is ' ' or '\t';
                builder.Append(breaks == 0 ? (literal ? "\n" : " ") : new string('\n', breaks + (literal ? 1 : 0)));
            }
            else
            {
                builder.Append('\n', breaks);
            }

            builder.Append(line);
            breaks = 0;
            previous = line;
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="Key"/> finds a key here, without making its name (plain keys, the common case).</summary>
    private bool IsKeyLine(int at, int end)
    {
        var c = _text[at];
        if (c is '"' or '\'' or '[' or '{' or '&' or '*' or '!' or '|' or '>' or '?')
        {
            return Key(at, end) is not null;
        }

        for (var i = at; i < end; i++)
        {
            if (_text[i] == ':' && (i + 1 == end || _text[i + 1] is ' ' or '\t'))
            {
                return _text.AsSpan(at, i - at).TrimEnd(" \t").Length > 0;
            }
        }

        return false;
    }

    /// <summary>A mapping key at <paramref name="at"/>: plain up to ": " (or a colon ending the line), or quoted and
    /// followed by a colon; null when the line holds no key.</summary>
    private YamlKey? Key(int at, int end)
    {
        var c = _text[at];
        if (c is '"' or '\'')
        {
            var close = YamlScalars.Quoted(_text, at, end, out var name);
            var colon = SkipSpaces(close, end);
            if (close == end || _text[close - 1] != c || colon == end || _text[colon] != ':')
            {
                return null;
            }

            return new YamlKey(name, at + 1, close - 1, colon + 1, Quoted: true);
        }

        if (c is '[' or '{' or '&' or '*' or '!' or '|' or '>' || (c == '?' && (at + 1 == end || _text[at + 1] == ' ')))
        {
            return null;
        }

        for (var i = at; i < end; i++)
        {
            if (_text[i] == ':' && (i + 1 == end || _text[i + 1] is ' ' or '\t'))
            {
                var keyEnd = i;
                while (keyEnd > at && _text[keyEnd - 1] is ' ' or '\t')
                {
                    keyEnd--;
                }

                return keyEnd == at ? null : new YamlKey(_text[at..keyEnd], at, keyEnd, i + 1, Quoted: false);
            }
        }

        return null;
    }

    /// <summary>A span on the line being read (every key and value starts on it), without searching for the line.</summary>
    private TextSpan Span(int start, int end) => map.SpanOnLine(_line, start, end);

    private bool IsDash(int at, int end) => _text[at] == '-' && (at + 1 == end || _text[at + 1] is ' ' or '\t');

    private int SkipSpaces(int at, int end)
    {
        while (at < end && _text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>Steps over anchors (<c>&amp;a</c>) and tags (<c>!!float</c>) in front of a value.</summary>
    private int SkipProperties(int at, int end)
    {
        while (at < end && _text[at] is '&' or '!')
        {
            while (at < end && _text[at] is not (' ' or '\t'))
            {
                at++;
            }

            at = SkipSpaces(at, end);
        }

        return at;
    }
}
