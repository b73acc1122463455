namespace IdeTracker.Core.Configs.Scanning;

/// <summary>The literal settings of Python source: assignments of literals (in a class body the class names come
/// first; function bodies are skipped), dict literals and <c>dict(...)</c> calls assigned to a name, list literals of
/// literals, and argparse <c>add_argument</c> calls with a literal <c>default=</c> wherever they are. Anything computed
/// (names, calls, comprehensions, f-strings) sets nothing.</summary>
internal sealed class PythonConfigScanner(LineMap map)
{
    private const int MaxDepth = 64;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    private readonly List<ConfigEntry> _entries = [];
    private readonly List<(int Indent, string? ClassName)> _blocks = [];

    public List<ConfigEntry> Scan()
    {
        foreach (var line in new PythonTokenizer(map.Text).Lines())
        {
            while (_blocks.Count > 0 && _blocks[^1].Indent >= line.Indent)
            {
                _blocks.RemoveAt(_blocks.Count - 1);
            }

            var tokens = line.Tokens;
            Arguments(tokens);
            var first = tokens[0];
            var isAsync = first.IsName("async") && tokens.Count > 1;
            if (first.IsName("def") || (isAsync && tokens[1].IsName("def")))
            {
                _blocks.Add((line.Indent, null));
                continue;
            }

            if (first.IsName("class"))
            {
                _blocks.Add((line.Indent, tokens.Count > 1 && tokens[1].Kind == PythonTokenKind.Name ? tokens[1].Text : "?"));
                continue;
            }

            if (_blocks.All(b => b.ClassName is not null))
            {
                Assignment(tokens);
            }
        }

        return _entries;
    }

    /// <summary><c>name = literal</c> or <c>name: annotation = literal</c>, with the enclosing classes' names in front.</summary>
    private void Assignment(List<PythonToken> tokens)
    {
        var target = tokens[0];
        if (target.Kind != PythonTokenKind.Name || Keywords.Contains(target.Text) || tokens.Count < 3)
        {
            return;
        }

        var i = 1;
        if (tokens[1].Is(":"))
        {
            i = SkipExpression(tokens, 2, stopAtEquals: true);
        }

        if (i >= tokens.Count || !tokens[i].Is("="))
        {
            return;
        }

        var path = _blocks.Select(b => b.ClassName!).Append(target.Text).ToArray();
        var end = Value(tokens, i + 1, path, Span(target.Start, target.End), 0);
        if (end < 0 || (end < tokens.Count && !tokens[end].Is(";")))
        {
            RemoveUnfinishedScalar(path);
        }
    }

    /// <summary>A top-level scalar that turned out to be the start of an expression (<c>lr = 0.1 * 2</c>) is not a
    /// setting; dicts keep what they read.</summary>
    private void RemoveUnfinishedScalar(string[] path)
    {
        if (_entries.Count > 0 && _entries[^1].Kind == ConfigEntryKind.Scalar && ReferenceEquals(_entries[^1].Path, path))
        {
            _entries.RemoveAt(_entries.Count - 1);
        }
    }

    /// <summary>Reads the value at <paramref name="i"/> into entries under <paramref name="path"/>; returns the index
    /// after it, or -1 when it is not something literal (nothing is added then, except what a dict read so far).</summary>
    private int Value(List<PythonToken> tokens, int i, string[] path, TextSpan? keySpan, int depth)
    {
        if (i >= tokens.Count || depth > MaxDepth)
        {
            return -1;
        }

        var token = tokens[i];
        if ((token.Is("{") || token.Is("[")) && IsComprehension(tokens, i))
        {
            return -1;
        }

        if (token.Is("{"))
        {
            Section(path, keySpan);
            return Dict(tokens, i + 1, path, depth);
        }

        if (token.IsName("dict") && i + 1 < tokens.Count && tokens[i + 1].Is("("))
        {
            Section(path, keySpan);
            return DictCall(tokens, i + 2, path, depth);
        }

        if (token.Is("["))
        {
            Section(path, keySpan);
            return List(tokens, i + 1, path, depth);
        }

        if (Literal(tokens, i) is not { } literal)
        {
            return -1;
        }

        var span = Span(literal.Start, literal.End);
        _entries.Add(new ConfigEntry(path, keySpan ?? span, span, literal.Value, ConfigEntryKind.Scalar));
        return literal.Next;
    }

    private void Section(string[] path, TextSpan? keySpan)
    {
        if (keySpan is { } key)
        {
            _entries.Add(new ConfigEntry(path, key, null, null, ConfigEntryKind.Section));
        }
    }

    /// <summary>The items of a dict literal after its brace: string (or number) keys; <c>**spread</c> and items whose
    /// value is not literal are stepped over.</summary>
    private int Dict(List<PythonToken> tokens, int i, string[] path, int depth)
    {
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Is("}"))
            {
                return i + 1;
            }

            if (token.Is(","))
            {
                i++;
                continue;
            }

            if (token.Kind is PythonTokenKind.String or PythonTokenKind.Number && token.IsLiteral
                && i + 1 < tokens.Count && tokens[i + 1].Is(":"))
            {
                var keySpan = token.Kind == PythonTokenKind.String ? Span(token.ContentStart, token.ContentEnd) : Span(token.Start, token.End);
                var end = Value(tokens, i + 2, KeyPath.Append(path, token.Text), keySpan, depth + 1);
                i = end >= 0 && end < tokens.Count && tokens[end].Is(",") || (end >= 0 && end < tokens.Count && tokens[end].Is("}"))
                    ? end
                    : SkipExpression(tokens, i + 2, stopAtEquals: false);
                continue;
            }

            i = SkipExpression(tokens, i + 1, stopAtEquals: false);
        }

        return -1;
    }

    /// <summary>The keyword arguments of a <c>dict(...)</c> call after its parenthesis.</summary>
    private int DictCall(List<PythonToken> tokens, int i, string[] path, int depth)
    {
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Is(")"))
            {
                return i + 1;
            }

            if (token.Is(","))
            {
                i++;
                continue;
            }

            if (token.Kind == PythonTokenKind.Name && i + 1 < tokens.Count && tokens[i + 1].Is("="))
            {
                var end = Value(tokens, i + 2, KeyPath.Append(path, token.Text), Span(token.Start, token.End), depth + 1);
                i = end >= 0 && end < tokens.Count && (tokens[end].Is(",") || tokens[end].Is(")"))
                    ? end
                    : SkipExpression(tokens, i + 2, stopAtEquals: false);
                continue;
            }

            i = SkipExpression(tokens, i + 1, stopAtEquals: false);
        }

        return -1;
    }

    private int List(List<PythonToken> tokens, int i, string[] path, int depth)
    {
        var index = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Is("]"))
            {
                return i + 1;
            }

            if (token.Is(","))
            {
                i++;
                continue;
            }

            var end = Value(tokens, i, KeyPath.Append(path, KeyPath.Index(index++)), null, depth + 1);
            i = end >= 0 && end < tokens.Count && (tokens[end].Is(",") || tokens[end].Is("]"))
                ? end
                : SkipExpression(tokens, i + 1, stopAtEquals: false);
        }

        return -1;
    }

    /// <summary>True when the bracket at <paramref name="open"/> holds a comprehension (a <c>for</c> directly inside it).</summary>
    private static bool IsComprehension(List<PythonToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == PythonTokenKind.Operator && token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Kind == PythonTokenKind.Operator && token.Text is ")" or "]" or "}" && --depth == 0)
            {
                return false;
            }
            else if (depth == 1 && token.IsName("for"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number (signed), a string that is not an f-string (adjacent strings joined), True, False or None.</summary>
    private static PythonLiteral? Literal(List<PythonToken> tokens, int i)
    {
        var token = tokens[i];
        if (token.Is("-") || token.Is("+"))
        {
            return i + 1 < tokens.Count && tokens[i + 1].Kind == PythonTokenKind.Number
                ? new PythonLiteral(token.Text == "-" ? "-" + tokens[i + 1].Text : tokens[i + 1].Text, token.Start, tokens[i + 1].End, i + 2)
                : null;
        }

        if (token.Kind == PythonTokenKind.Number)
        {
            return new PythonLiteral(token.Text, token.Start, token.End, i + 1);
        }

        if (token.Kind == PythonTokenKind.Name)
        {
            return token.Text is "True" or "False" or "None" ? new PythonLiteral(token.Text, token.Start, token.End, i + 1) : null;
        }

        if (token.Kind != PythonTokenKind.String)
        {
            return null;
        }

        var text = token.Text;
        var next = i + 1;
        var literal = token.IsLiteral;
        while (next < tokens.Count && tokens[next].Kind == PythonTokenKind.String)
        {
            literal &= tokens[next].IsLiteral;
            text += tokens[next].Text;
            next++;
        }

        return literal ? new PythonLiteral(text, token.Start, tokens[next - 1].End, next) : null;
    }

    /// <summary>argparse: <c>.add_argument(option strings…, dest=…, default=literal)</c> anywhere in the line. The path
    /// is what argparse's dest would be; the key span is the long option (else the first) inside its quotes.</summary>
    private void Arguments(List<PythonToken> tokens)
    {
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].IsName("add_argument") || !tokens[i - 1].Is(".") || !tokens[i + 1].Is("("))
            {
                continue;
            }

            var options = new List<PythonToken>();
            string? dest = null;
            PythonLiteral? value = null;
            var at = i + 2;
            while (at < tokens.Count && !tokens[at].Is(")"))
            {
                var token = tokens[at];
                if (token.Is(","))
                {
                    at++;
                }
                else if (token.Kind == PythonTokenKind.Name && at + 1 < tokens.Count && tokens[at + 1].Is("="))
                {
                    var literal = at + 2 < tokens.Count ? Literal(tokens, at + 2) : null;
                    if (token.Text == "dest" && literal is not null)
                    {
                        dest = literal.Value;
                    }
                    else if (token.Text == "default")
                    {
                        value = literal;
                    }

                    at = SkipExpression(tokens, at + 2, stopAtEquals: false);
                }
                else if (token.Kind == PythonTokenKind.String && token.IsLiteral && at + 1 < tokens.Count && (tokens[at + 1].Is(",") || tokens[at + 1].Is(")")))
                {
                    options.Add(token);
                    at++;
                }
                else
                {
                    // A stray closing bracket stops nothing: step over it.
                    var next = SkipExpression(tokens, at, stopAtEquals: false);
                    at = next == at ? at + 1 : next;
                }
            }

            Argument(options, dest, value);
            i = at;
        }
    }

    private void Argument(List<PythonToken> options, string? dest, PythonLiteral? value)
    {
        if (options.Count == 0 || value is null)
        {
            return;
        }

        var chosen = options.FindIndex(o => o.Text.StartsWith("--", StringComparison.Ordinal));
        if (chosen < 0)
        {
            chosen = Math.Max(0, options.FindIndex(o => o.Text.StartsWith('-')));
        }

        var option = options[chosen];
        var name = dest ?? (option.Text.StartsWith('-') ? option.Text.TrimStart('-').Replace('-', '_') : option.Text);
        if (name.Length == 0)
        {
            return;
        }

        _entries.Add(new ConfigEntry([name], Span(option.ContentStart, option.ContentEnd), Span(value.Start, value.End), value.Value, ConfigEntryKind.Scalar));
    }

    /// <summary>The index of the next comma or closing bracket at this bracket depth (or of a top-level <c>=</c> when
    /// asked), stepping over nested brackets.</summary>
    private static int SkipExpression(List<PythonToken> tokens, int i, bool stopAtEquals)
    {
        var depth = 0;
        for (; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != PythonTokenKind.Operator)
            {
                continue;
            }

            if (token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Text is ")" or "]" or "}")
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
            else if (depth == 0 && (token.Text == "," || (stopAtEquals && token.Text == "=")))
            {
                return i;
            }
        }

        return i;
    }

    private TextSpan Span(int start, int end) => map.Span(start, end);
}
