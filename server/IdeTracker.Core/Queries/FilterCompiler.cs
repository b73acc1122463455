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

    /// <summary>Set while an operand of an <c>and</c> chain other than its driving list is emitted.</summary>
    private bool correlate;

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
        AndNode => Chain(node, isAnd: true),
        OrNode => Chain(node, isAnd: false),
        NotNode not => Not(not),
        StarredNode => Rows("annotations a", "a.run_id = r.id", "a.starred = 1", "r.id", "a.run_id"),
        TermNode term => Term(term),
        ComparisonNode comparison => Comparison(comparison),
        _ => throw new ArgumentException($"unknown filter node {node.GetType().Name}", nameof(node)),
    };

    /// <summary>A negated comparison of one param or metric is read as a list of runs even beside a driving list:
    /// SQLite builds it once from the (key, value) index and checks each run against it in memory, where probing
    /// each run's rows costs a b-tree descent per run.</summary>
    private string Not(NotNode not)
    {
        var outer = correlate;
        correlate = outer && !(not.Operand is ComparisonNode comparison && SingleTarget(comparison) is not null);
        var sql = $"NOT ({Emit(not.Operand)})";
        correlate = outer;
        return sql;
    }

    /// <summary>An <c>and</c> or <c>or</c> chain. Comparisons in it of one param (or one metric) become one read
    /// of its (key, value) index, their conditions joined the same way: <c>lr &gt;= 1e-4 and lr &lt; 1e-3</c> reads
    /// the runs in the range, where two separate conditions would each read every run on one side of their bound,
    /// and <c>optimizer in (adam, sgd)</c> is one list of runs, not two. A run holds one row per key, so this
    /// selects the same runs.</summary>
    private string Chain(FilterNode node, bool isAnd)
    {
        var operands = new List<FilterNode>();
        Flatten(node, operands, isAnd);
        var groups = operands.OfType<ComparisonNode>()
            .Select(c => (Comparison: c, Target: SingleTarget(c)))
            .Where(c => c.Target is not null)
            .GroupBy(c => c.Target!.Value)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.First().Comparison, g => g.Select(c => c.Comparison).ToList());
        var merged = groups.Values.SelectMany(g => g.Skip(1)).ToHashSet();
        var parts = new List<(Func<string> Emit, int Rank)>();
        foreach (var operand in operands)
        {
            if (operand is ComparisonNode comparison && groups.TryGetValue(comparison, out var group))
            {
                parts.Add((() => Merged(SingleTarget(comparison)!.Value, group, isAnd), group.Min(Rank)));
            }
            else if (!(operand is ComparisonNode c && merged.Contains(c)))
            {
                parts.Add((() => Emit(operand), Rank(operand)));
            }
        }

        if (!isAnd)
        {
            return "(" + string.Join(" OR ", parts.Select(p => p.Emit())) + ")";
        }

        // SQLite walks an and-chain's first list of runs and checks the rest run by run. Reading every list whole
        // costs what they hold together (a broad "lr < 0.01" is most of the index), so only the likeliest-narrow
        // one is read as a list; the others probe the rows of each run it yields, cheap column checks first.
        // Emitted in the order written, so the leftmost mistake is the one reported; joined in rank order.
        var order = Enumerable.Range(0, parts.Count).OrderBy(i => parts[i].Rank).ToList();
        var driver = order.FirstOrDefault(i => parts[i].Rank > 0, -1);
        var sql = new string[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var outer = correlate;
            correlate = outer || (parts[i].Rank > 0 && i != driver);
            sql[i] = parts[i].Emit();
            correlate = outer;
        }

        return "(" + string.Join(" AND ", order.Select(i => sql[i])) + ")";
    }

    /// <summary>A guess at how narrow and how cheap an operand is, for the order of an <c>and</c> chain: 0 for
    /// checks of the run's own columns, then tags and stars (few runs carry one), equality, regexes and
    /// inequality, ranges, and last anything nested.</summary>
    private int Rank(FilterNode node) => node switch
    {
        TermNode { Term: "tag" } or StarredNode => 1,
        TermNode => 0,
        ComparisonNode c when IsRunField(c.Name) => 0,
        ComparisonNode { Operator: ComparisonOperator.Equal } => 2,
        ComparisonNode c when c.Operator.IsRegex() || c.Operator == ComparisonOperator.NotEqual => 3,
        ComparisonNode => 4,
        _ => 5,
    };

    private static void Flatten(FilterNode node, List<FilterNode> into, bool isAnd)
    {
        switch (node)
        {
            case AndNode both when isAnd:
                Flatten(both.Left, into, isAnd);
                Flatten(both.Right, into, isAnd);
                break;
            case OrNode either when !isAnd:
                Flatten(either.Left, into, isAnd);
                Flatten(either.Right, into, isAnd);
                break;
            default:
                into.Add(node);
                break;
        }
    }

    /// <summary>The one table and key a comparison reads, when it reads just one: not a run field, and not a name
    /// that is both a param and a metric. Null otherwise.</summary>
    private (bool IsParam, string Key)? SingleTarget(ComparisonNode node)
    {
        var name = node.Name;
        if (IsRunField(name))
        {
            return null;
        }

        var isParam = name.Scope != NameScope.Metric && catalog.ParamKeys.Contains(name.Key);
        var isMetric = name.Scope != NameScope.Param && catalog.MetricKeys.Contains(name.Key);
        return isParam == isMetric ? null : (isParam, name.Key);
    }

    private static bool IsRunField(FilterName name) =>
        name.Scope == NameScope.Any && RunFields.AllNames.Contains(name.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>In an <c>or</c> read as a list of runs, a param's text equalities become one <c>IN</c> list, which
    /// SQLite seeks value by value in the case-blind (key, text) index; as ORed conditions it would read every row
    /// of the key. Not in a probe of one run's rows: there SQLite would take the list over the run's own key and
    /// read every run holding one of the values, for each run probed.</summary>
    private string Merged((bool IsParam, string Key) target, List<ComparisonNode> comparisons, bool isAnd)
    {
        var conditions = new List<string>();
        var texts = new List<string>();
        var textsAt = -1;
        foreach (var comparison in comparisons)
        {
            if (!target.IsParam)
            {
                conditions.Add(MetricCondition(comparison));
            }
            else if (!isAnd && !correlate && comparison is { Operator: ComparisonOperator.Equal, Value.Number: null })
            {
                if (textsAt < 0)
                {
                    textsAt = conditions.Count;
                    conditions.Add("");
                }

                texts.Add(Add(comparison.Value.Text));
            }
            else
            {
                conditions.Add(ParamCondition(comparison));
            }
        }

        if (textsAt >= 0)
        {
            conditions[textsAt] = $"p.text COLLATE NOCASE IN ({string.Join(", ", texts)})";
        }

        var joined = "(" + string.Join(isAnd ? " AND " : " OR ", conditions) + ")";
        return target.IsParam ? InParams(Add(target.Key), joined) : InMetrics(Add(target.Key), joined);
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
        var userTag = Rows("annotation_tags a", "a.run_id = r.id", $"a.tag = {Add(value.Text)} COLLATE NOCASE", "r.id", "a.run_id");
        var equals = value.Text.IndexOf('=', StringComparison.Ordinal);
        var sourceTag = equals < 0
            ? Rows("tags t", "t.run = r.run", $"t.key = {Add(value.Text)}", "r.run", "t.run")
            : Rows("tags t", "t.run = r.run", $"t.key = {Add(value.Text[..equals])} AND t.value = {Add(value.Text[(equals + 1)..])} COLLATE NOCASE", "r.run", "t.run");
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
                return Matches(node.Value, column);
            case ComparisonOperator.NotMatches:
                return $"({column} IS NOT NULL AND NOT {Matches(node.Value, column)})";
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
        return InParams(key, ParamCondition(node));
    }

    private string Metric(ComparisonNode node)
    {
        var condition = MetricCondition(node);
        return InMetrics(Add(node.Name.Key), condition);
    }

    private string InParams(string key, string condition) =>
        Rows("params p", "p.run = r.run", $"p.key = {key} AND {condition}", "r.run", "p.run");

    private string InMetrics(string key, string condition) =>
        Rows("metric_summaries s", "s.run = r.run", $"s.key = {key} AND {condition}", "r.run", "s.run");

    /// <summary>"The run has a row in <paramref name="table"/> where <paramref name="condition"/>": as a list of runs
    /// (read once, through the table's index) or, while <see cref="correlate"/> is set, as a probe of the run's own
    /// rows.</summary>
    private string Rows(string table, string ofRun, string condition, string runColumn, string rowRunColumn) =>
        correlate
            ? $"EXISTS (SELECT 1 FROM {table} WHERE {ofRun} AND {condition})"
            : $"{runColumn} IN (SELECT {rowRunColumn} FROM {table} WHERE {condition})";

    /// <summary>The comparison as a condition on the param row <c>p</c>.</summary>
    private string ParamCondition(ComparisonNode node)
    {
        var value = node.Value;
        return node.Operator switch
        {
            ComparisonOperator.Matches => Matches(value, "p.text"),
            ComparisonOperator.NotMatches => $"NOT {Matches(value, "p.text")}",
            _ when value.Number is { } number => NumberCondition("p.num", node.Operator, number),
            ComparisonOperator.Equal => $"p.text = {Add(value.Text)} COLLATE NOCASE",
            ComparisonOperator.NotEqual => $"p.text <> {Add(value.Text)} COLLATE NOCASE",
            _ => throw NumberExpected(node),
        };
    }

    /// <summary>The comparison as a condition on the metric summary row <c>s</c> (its last value).</summary>
    private string MetricCondition(ComparisonNode node)
    {
        if (node.Operator.IsRegex())
        {
            throw OperatorError(node, $"metric '{node.Name.Key}' is a number: expected = != < <= > >=, found '{node.Operator.Spell()}'", ["=", "!=", "<", "<=", ">", ">="]);
        }

        if (node.Value.Number is not { } number)
        {
            throw Error(node.Value, $"metric '{node.Name.Key}' is a number: expected a number, found '{node.Value.Text}'", ["number"]);
        }

        return NumberCondition("s.last", node.Operator, number);
    }

    private string NumberCondition(string column, ComparisonOperator op, double number) => op switch
    {
        ComparisonOperator.NotEqual => $"{column} IS NOT {Add(number)}",
        _ => $"{column} {(op == ComparisonOperator.Equal ? "=" : op.Spell())} {Add(number)}",
    };

    /// <summary><c>column ~ pattern</c>, behind a LIKE every match also passes (<see cref="RegexLikePrefilter"/>)
    /// when the pattern has literals: SQLite checks it in C, and only its survivors pay the call into .NET.</summary>
    private string Matches(FilterValue value, string column)
    {
        var pattern = Pattern(value);
        var call = $"{RegexFunction.Name}({pattern}, {column})";
        return RegexLikePrefilter.For(value.Text) is { } like
            ? $"({column} LIKE {Add(like)} ESCAPE {Add(RegexLikePrefilter.Escape.ToString())} AND {call})"
            : call;
    }

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
