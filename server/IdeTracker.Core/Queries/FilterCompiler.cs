namespace IdeTracker.Core.Queries;

/// <summary>Compiles a parsed filter to SQL over <c>r</c> (the <c>runs</c> row), resolving names against the
/// index's <see cref="FilterCatalog"/>:
/// <list type="bullet">
/// <item>A bare name is a run field (name, experiment, label, user, host, command, commit, note, id, status,
/// source) if it is one, else a param, a metric, or — when both hold that key — either: a run matches when
/// its param or its metric satisfies the comparison. An unknown name is an error with the closest names.</item>
/// <item>Every comparison needs the run to have the name: <c>lr != 0.01</c> skips runs without an lr, while
/// <c>not lr = 0.01</c> includes them.</item>
/// <item>A param compares numbers when the literal is a number (<c>0.001</c> equals <c>1e-3</c>), text
/// otherwise; text <c>=</c> and <c>!=</c> ignore (ASCII) case, as do <c>~</c> regexes. <c>&lt; &gt;</c> need a number.</item>
/// <item>A metric compares its last value, always as a number.</item>
/// <item><c>commit = 3a5f</c> matches by prefix, as people quote short hashes.</item>
/// <item><c>tag:x</c> matches a source tag with key x or a user tag x; <c>tag:k=v</c> a source tag k with
/// value v or a user tag "k=v" (case ignored). <c>since:</c> keeps runs started at or after, <c>before:</c>
/// before, the time given; runs without a start time match neither.</item>
/// </list></summary>
public sealed class FilterCompiler
{
    private readonly FilterCatalog catalog;
    private readonly DateTimeOffset now;
    private readonly List<KeyValuePair<string, object>> parameters = [];

    private FilterCompiler(FilterCatalog catalog, DateTimeOffset now)
    {
        this.catalog = catalog;
        this.now = now;
    }

    public static CompiledFilter Compile(FilterNode? filter, FilterCatalog catalog, DateTimeOffset now)
    {
        if (filter is null)
        {
            return CompiledFilter.All;
        }

        var compiler = new FilterCompiler(catalog, now);
        var sql = compiler.Emit(filter);
        return new CompiledFilter(sql, compiler.parameters);
    }

    /// <summary>Parses and compiles <paramref name="text"/>; throws <see cref="FilterException"/>.</summary>
    public static CompiledFilter Compile(string? text, FilterCatalog catalog, DateTimeOffset now) =>
        Compile(FilterParser.Parse(text), catalog, now);

    private string Emit(FilterNode node) => node switch
    {
        AndNode and => And(and),
        OrNode or => $"({Emit(or.Left)} OR {Emit(or.Right)})",
        NotNode not => $"NOT ({Emit(not.Operand)})",
        StarredNode => "r.id IN (SELECT a.run_id FROM annotations a WHERE a.starred = 1)",
        TermNode term => Term(term),
        ComparisonNode comparison => Comparison(comparison),
        _ => throw new ArgumentException($"unknown filter node {node.GetType().Name}", nameof(node)),
    };

    /// <summary>An <c>and</c> chain. Number comparisons of one param (or one metric) in it become one range scan
    /// of its (key, value) index: <c>lr &gt;= 1e-4 and lr &lt; 1e-3</c> reads the runs in the range, where two
    /// separate conditions would each read every run on one side of their bound.</summary>
    private string And(AndNode node)
    {
        var operands = new List<FilterNode>();
        Flatten(node, operands);
        var ranges = operands.OfType<ComparisonNode>()
            .Select(c => (Comparison: c, Target: RangeTarget(c)))
            .Where(c => c.Target is not null)
            .GroupBy(c => c.Target!.Value)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.First().Comparison, g => g.Select(c => c.Comparison).ToList());
        var merged = ranges.Values.SelectMany(g => g.Skip(1)).ToHashSet();
        var parts = new List<string>();
        foreach (var operand in operands)
        {
            if (ranges.TryGetValue(operand as ComparisonNode ?? NoComparison, out var group))
            {
                parts.Add(Range(RangeTarget(group[0])!.Value, group));
            }
            else if (!(operand is ComparisonNode c && merged.Contains(c)))
            {
                parts.Add(Emit(operand));
            }
        }

        return "(" + string.Join(" AND ", parts) + ")";
    }

    private static readonly ComparisonNode NoComparison = new(new FilterName("", NameScope.Any, 0, 0), ComparisonOperator.Equal, new FilterValue("", null, 0, 0), 0);

    private static void Flatten(FilterNode node, List<FilterNode> into)
    {
        if (node is AndNode and)
        {
            Flatten(and.Left, into);
            Flatten(and.Right, into);
        }
        else
        {
            into.Add(node);
        }
    }

    /// <summary>The one table and key a number comparison reads, when it reads just one (not a run field, not a
    /// name that is both a param and a metric); null otherwise.</summary>
    private (bool IsParam, string Key)? RangeTarget(ComparisonNode node)
    {
        if (node.Value.Number is null || node.Operator is ComparisonOperator.NotEqual || node.Operator.IsRegex())
        {
            return null;
        }

        var name = node.Name;
        if (name.Scope == NameScope.Any && RunFields.AllNames.Contains(name.Key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var isParam = name.Scope != NameScope.Metric && catalog.ParamKeys.Contains(name.Key);
        var isMetric = name.Scope != NameScope.Param && catalog.MetricKeys.Contains(name.Key);
        return isParam == isMetric ? null : (isParam, name.Key);
    }

    private string Range((bool IsParam, string Key) target, List<ComparisonNode> comparisons)
    {
        var column = target.IsParam ? "p.num" : "s.last";
        var conditions = string.Join(" AND ", comparisons.Select(c => NumberCondition(column, c.Operator, c.Value.Number!.Value)));
        var key = Add(target.Key);
        return target.IsParam
            ? $"r.run IN (SELECT p.run FROM params p WHERE p.key = {key} AND {conditions})"
            : $"r.run IN (SELECT s.run FROM metric_summaries s WHERE s.key = {key} AND {conditions})";
    }

    private string Add(object value)
    {
        var name = "$f" + parameters.Count;
        parameters.Add(new(name, value));
        return name;
    }

    private string Term(TermNode term)
    {
        var value = term.Value;
        switch (term.Term)
        {
            case "status":
                return $"r.status = {Add(OneOf(value, FilterTerms.Statuses, "status"))}";
            case "source":
                return $"r.source = {Add(OneOf(value, FilterTerms.Sources, "source"))}";
            case "tag":
                return Tag(value);
            case "since" or "before":
                var time = FilterTerms.ParseTime(value.Text, now)
                    ?? throw Error(value, $"expected an age (7d, 12h, 30m, 2w) or a date (2026-11-01), found '{value.Text}'", FilterTerms.TimeExamples);
                var op = term.Term == "since" ? ">=" : "<";
                return $"COALESCE(r.start_ms {op} {Add(time.ToUnixTimeMilliseconds())}, 0)";
            default:
                throw new FilterException(FilterParser.Field, term.Position, term.Term.Length + 1,
                    $"expected a term (status:, source:, tag:, since:, before:), found '{term.Term}:'",
                    [.. FilterTerms.Names.Select(n => n + ":")]);
        }
    }

    private string Tag(FilterValue value)
    {
        var userTag = $"r.id IN (SELECT a.run_id FROM annotation_tags a WHERE a.tag = {Add(value.Text)} COLLATE NOCASE)";
        var equals = value.Text.IndexOf('=', StringComparison.Ordinal);
        var sourceTag = equals < 0
            ? $"r.run IN (SELECT t.run FROM tags t WHERE t.key = {Add(value.Text)})"
            : $"r.run IN (SELECT t.run FROM tags t WHERE t.key = {Add(value.Text[..equals])} AND t.value = {Add(value.Text[(equals + 1)..])} COLLATE NOCASE)";
        return $"({sourceTag} OR {userTag})";
    }

    private string Comparison(ComparisonNode node)
    {
        var name = node.Name;
        if (name.Scope == NameScope.Any)
        {
            if (RunFields.Columns.TryGetValue(name.Key, out var column))
            {
                return Field(node, name.Key.ToLowerInvariant(), column);
            }

            if (RunFields.TermFields.FirstOrDefault(f => string.Equals(f, name.Key, StringComparison.OrdinalIgnoreCase)) is { } termField)
            {
                return TermField(node, termField);
            }
        }

        var isParam = name.Scope != NameScope.Metric && catalog.ParamKeys.Contains(name.Key);
        var isMetric = name.Scope != NameScope.Param && catalog.MetricKeys.Contains(name.Key);
        if (!isParam && !isMetric)
        {
            throw UnknownName(name);
        }

        if (isParam && isMetric)
        {
            // A text literal can only be meant for the param.
            return node.Value.Number is null || node.Operator.IsRegex()
                ? Param(node)
                : $"({Param(node)} OR {Metric(node)})";
        }

        return isParam ? Param(node) : Metric(node);
    }

    private string Field(ComparisonNode node, string field, string column)
    {
        var text = node.Value.Text;
        switch (node.Operator)
        {
            case ComparisonOperator.Equal when field == "commit":
                var prefix = Add(text);
                return $"COALESCE(lower(substr({column}, 1, length({prefix}))) = lower({prefix}), 0)";
            case ComparisonOperator.Equal:
                return $"COALESCE({column} = {Add(text)} COLLATE NOCASE, 0)";
            case ComparisonOperator.NotEqual:
                return $"COALESCE({column} <> {Add(text)} COLLATE NOCASE, 0)";
            case ComparisonOperator.Matches:
                return $"{RegexFunction.Name}({Pattern(node.Value)}, {column})";
            case ComparisonOperator.NotMatches:
                return $"({column} IS NOT NULL AND NOT {RegexFunction.Name}({Pattern(node.Value)}, {column}))";
            default:
                throw OperatorError(node, $"'{field}' is text: expected =, !=, ~ or !~, found '{node.Operator.Spell()}'", ["=", "!=", "~", "!~"]);
        }
    }

    private string TermField(ComparisonNode node, string field)
    {
        var words = field == "status" ? FilterTerms.Statuses : FilterTerms.Sources;
        var op = node.Operator switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "<>",
            _ => throw OperatorError(node, $"expected = or != after '{field}', found '{node.Operator.Spell()}'", ["=", "!="]),
        };
        return $"r.{field} {op} {Add(OneOf(node.Value, words, field))}";
    }

    private string Param(ComparisonNode node)
    {
        var key = Add(node.Name.Key);
        var value = node.Value;
        var condition = node.Operator switch
        {
            ComparisonOperator.Matches => $"{RegexFunction.Name}({Pattern(value)}, p.text)",
            ComparisonOperator.NotMatches => $"NOT {RegexFunction.Name}({Pattern(value)}, p.text)",
            _ when value.Number is { } number => NumberCondition("p.num", node.Operator, number),
            ComparisonOperator.Equal => $"p.text = {Add(value.Text)} COLLATE NOCASE",
            ComparisonOperator.NotEqual => $"p.text <> {Add(value.Text)} COLLATE NOCASE",
            _ => throw NumberExpected(node),
        };
        return $"r.run IN (SELECT p.run FROM params p WHERE p.key = {key} AND {condition})";
    }

    private string Metric(ComparisonNode node)
    {
        if (node.Operator.IsRegex())
        {
            throw OperatorError(node, $"metric '{node.Name.Key}' is a number: expected = != < <= > >=, found '{node.Operator.Spell()}'", ["=", "!=", "<", "<=", ">", ">="]);
        }

        if (node.Value.Number is not { } number)
        {
            throw Error(node.Value, $"metric '{node.Name.Key}' is a number: expected a number, found '{node.Value.Text}'", ["number"]);
        }

        var key = Add(node.Name.Key);
        return $"r.run IN (SELECT s.run FROM metric_summaries s WHERE s.key = {key} AND {NumberCondition("s.last", node.Operator, number)})";
    }

    private string NumberCondition(string column, ComparisonOperator op, double number) => op switch
    {
        ComparisonOperator.NotEqual => $"{column} IS NOT {Add(number)}",
        _ => $"{column} {(op == ComparisonOperator.Equal ? "=" : op.Spell())} {Add(number)}",
    };

    private string Pattern(FilterValue value)
    {
        if (RegexFunction.Problem(value.Text) is { } problem)
        {
            throw Error(value, problem, []);
        }

        return Add(value.Text);
    }

    private static string OneOf(FilterValue value, IReadOnlyList<string> words, string what)
    {
        var word = value.Text.ToLowerInvariant();
        if (words.Contains(word))
        {
            return word;
        }

        throw Error(value, $"expected a {what} ({string.Join(", ", words)}), found '{value.Text}'", words);
    }

    private FilterException UnknownName(FilterName name)
    {
        IEnumerable<string> known = name.Scope switch
        {
            NameScope.Param => catalog.ParamKeys,
            NameScope.Metric => catalog.MetricKeys,
            _ => catalog.ParamKeys.Concat(catalog.MetricKeys).Concat(RunFields.AllNames),
        };
        var what = name.Scope switch
        {
            NameScope.Param => "a param",
            NameScope.Metric => "a metric",
            _ => "a param, metric or run field",
        };
        var suggestions = NameSuggestions.For(name.Key, known.Distinct(StringComparer.Ordinal));
        var hint = suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?)" : "";
        return new FilterException(FilterParser.Field, name.Position, name.Length,
            $"expected {what} the index knows, found '{name}'{hint}", suggestions);
    }

    private static FilterException NumberExpected(ComparisonNode node) =>
        Error(node.Value, $"expected a number after '{node.Operator.Spell()}', found '{node.Value.Text}'", ["number"]);

    private static FilterException OperatorError(ComparisonNode node, string problem, IReadOnlyList<string> expected) =>
        new(FilterParser.Field, node.OperatorPosition, node.Operator.Spell().Length, problem, expected);

    private static FilterException Error(FilterValue value, string problem, IReadOnlyList<string> expected) =>
        new(FilterParser.Field, value.Position, value.Length, problem, expected);
}
