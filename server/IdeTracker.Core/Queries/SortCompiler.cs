namespace IdeTracker.Core.Queries;

/// <summary>Compiles a sort: <c>[-]key</c>, descending with the minus (a plus is allowed and changes nothing).
/// Keys are <c>start</c>, <c>end</c>, <c>duration</c>, <c>name</c>, <c>status</c>, <c>experiment</c>, or a param
/// or metric key resolved like a filter's bare name (<c>params.</c> / <c>metrics.</c> force one). A key that is
/// both a param and a metric sorts by the metric — results are what runs get ranked by. A param sorts numbers
/// before text. Runs missing the key go last either way; ties fall back to newest first. Empty: newest first.</summary>
public static class SortCompiler
{
    internal const string Field = "sort";

    private static readonly IReadOnlyList<string> KeyExamples = ["start", "-start", "end", "duration", "name", "status", "experiment"];

    /// <summary>Run keys: the column, and the collation its order needs.</summary>
    private static readonly IReadOnlyDictionary<string, (string Column, string Collate)> RunKeys = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
    {
        ["start"] = ("r.start_ms", ""),
        ["end"] = ("r.end_ms", ""),
        ["duration"] = ("(r.end_ms - r.start_ms)", ""),
        ["name"] = ("r.name", "COLLATE NOCASE "),
        ["status"] = ("r.status", ""),
        ["experiment"] = ("r.experiment", "COLLATE NOCASE "),
    };

    /// <summary>Throws <see cref="FilterException"/> (field "sort") for a sort that is not one known key.</summary>
    public static CompiledSort Compile(string? text, FilterCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CompiledSort.Newest;
        }

        var at = text.Length - text.TrimStart().Length;
        var descending = text[at] == '-';
        if (text[at] is '-' or '+')
        {
            at++;
        }

        var tokens = FilterLexer.Tokenize(text, Field, at);
        var key = tokens[0];
        if (key.Kind is not (FilterTokenKind.Word or FilterTokenKind.String))
        {
            throw new FilterException(Field, key.Position, key.Length, $"expected a key (start, name, a param or metric), found {key.Describe(Field)}", KeyExamples);
        }

        if (tokens[1] is { Kind: not FilterTokenKind.End } extra)
        {
            throw new FilterException(Field, extra.Position, extra.Length, $"expected the end of the sort after '{key.Text}' (one key), found {extra.Describe(Field)}", []);
        }

        var direction = descending ? "DESC" : "ASC";
        var name = FilterParser.NameOf(key);
        if (name.Scope == NameScope.Any && RunKeys.TryGetValue(name.Key, out var run))
        {
            return new CompiledSort("", [new($"{run.Column} IS NULL"), new(run.Column, run.Collate + direction), .. CompiledSort.TiebreakKeys], []);
        }

        KeyValuePair<string, object>[] parameters = [new("$s0", name.Key)];
        if (name.Scope != NameScope.Param && catalog.MetricKeys.Contains(name.Key))
        {
            return new CompiledSort(
                "LEFT JOIN metric_summaries sm ON sm.run = r.run AND sm.key = $s0",
                [new("sm.last IS NULL"), new("sm.last", direction), .. CompiledSort.KeyTiebreakKeys],
                parameters,
                new SortSeek("metric_summaries", "sm", "last", descending));
        }

        if (name.Scope != NameScope.Metric && catalog.ParamKeys.Contains(name.Key))
        {
            return new CompiledSort(
                "LEFT JOIN params sp ON sp.run = r.run AND sp.key = $s0",
                [new("sp.run IS NULL"), new("sp.num IS NULL"), new("sp.num", direction), new("sp.text", "COLLATE NOCASE " + direction), .. CompiledSort.KeyTiebreakKeys],
                parameters,
                new SortSeek("params", "sp", "num", descending));
        }

        IEnumerable<string> known = name.Scope switch
        {
            NameScope.Param => catalog.ParamKeys,
            NameScope.Metric => catalog.MetricKeys,
            _ => catalog.MetricKeys.Concat(catalog.ParamKeys).Concat(RunKeys.Keys),
        };
        var suggestions = NameSuggestions.For(name.Key, known.Distinct(StringComparer.Ordinal));
        var hint = suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?)" : "";
        throw new FilterException(Field, key.Position, key.Length,
            $"expected a sort key (start, end, duration, name, status, experiment, a param or metric), found '{name}'{hint}", suggestions);
    }
}
