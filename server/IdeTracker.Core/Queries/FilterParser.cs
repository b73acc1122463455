namespace IdeTracker.Core.Queries;

/// <summary>Parses a filter to a <see cref="FilterNode"/> tree by recursive descent. Precedence, loosest
/// first: <c>or</c>, <c>and</c>, <c>not</c>, then parentheses, comparisons and terms. Keywords are
/// case-insensitive. Two terms side by side are joined by an implicit <c>and</c>
/// (<c>tag:baseline lr &lt; 0.01</c>). <c>x in (a, b)</c> is short for <c>(x = a or x = b)</c>.
/// <c>starred</c> on its own is the star term; followed by an operator it is a name like any other.
/// Words that are keywords (and, or, not, in) are not values unless quoted.</summary>
public sealed class FilterParser
{
    internal const string Field = "filter";

    private static readonly string[] Keywords = ["and", "or", "not", "in"];
    private readonly List<FilterToken> tokens;
    private int at;

    private FilterParser(List<FilterToken> tokens)
    {
        this.tokens = tokens;
    }

    /// <summary>Null for an empty or blank filter, which selects every run.</summary>
    public static FilterNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parser = new FilterParser(FilterLexer.Tokenize(text, Field));
        var node = parser.Or();
        var next = parser.Peek;
        if (next.Kind != FilterTokenKind.End)
        {
            throw next.Kind == FilterTokenKind.CloseParen
                ? Error(next, $"expected a term, 'and' or 'or', found a ')' that closes nothing", ["and", "or"])
                : Error(next, $"expected 'and' or 'or', found {next.Describe(Field)}", ["and", "or"]);
        }

        return node;
    }

    private FilterToken Peek => tokens[at];

    private FilterNode Or()
    {
        var left = And();
        while (Peek.IsKeyword("or"))
        {
            at++;
            left = new OrNode(left, And());
        }

        return left;
    }

    private FilterNode And()
    {
        var left = Not();
        while (true)
        {
            if (Peek.IsKeyword("and"))
            {
                at++;
            }
            else if (!StartsOperand(Peek))
            {
                return left;
            }

            left = new AndNode(left, Not());
        }
    }

    private FilterNode Not()
    {
        var token = Peek;
        if (!token.IsKeyword("not"))
        {
            return Primary();
        }

        at++;
        var operand = Not();
        return new NotNode(operand, token.Position, operand.Position + operand.Length - token.Position);
    }

    private FilterNode Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case FilterTokenKind.OpenParen:
            {
                at++;
                var inner = Or();
                var close = Peek;
                if (close.Kind != FilterTokenKind.CloseParen)
                {
                    throw Error(close, $"expected ')' to close the '(' at column {token.Position + 1}, found {close.Describe(Field)}", [")"]);
                }

                at++;
                return inner;
            }

            case FilterTokenKind.Term:
            {
                at++;
                var value = Peek;
                if (value.Kind != FilterTokenKind.TermValue)
                {
                    throw Error(value, $"expected a value right after '{token.Text}:', found {value.Describe(Field)}", ExpectedTermValues(token.Text));
                }

                at++;
                return new TermNode(token.Text, new FilterValue(value.Text, null, value.Position, value.Length), token.Position);
            }

            case FilterTokenKind.Word when token.IsKeyword("starred") && tokens[at + 1].Kind != FilterTokenKind.Operator && !tokens[at + 1].IsKeyword("in"):
                at++;
                return new StarredNode(token.Position, token.Length);

            case FilterTokenKind.Word when !IsKeyword(token):
            case FilterTokenKind.String:
                at++;
                return Comparison(NameOf(token));

            default:
                throw Error(token, $"expected a comparison (lr < 0.01), a term (tag:x), 'not' or '(', found {token.Describe(Field)}", ["name", "tag:", "status:", "source:", "since:", "before:", "starred", "not", "("]);
        }
    }

    private FilterNode Comparison(FilterName name)
    {
        var token = Peek;
        if (token.IsKeyword("in"))
        {
            at++;
            return InList(name, token);
        }

        if (token.Kind != FilterTokenKind.Operator)
        {
            throw Error(token, $"expected an operator after '{name}', found {token.Describe(Field)}", [.. FilterLexer.OperatorSpellings, "in"]);
        }

        at++;
        var op = ComparisonOperators.Parse(token.Text)!.Value;
        return new ComparisonNode(name, op, Value(token.Text), token.Position);
    }

    private FilterNode InList(FilterName name, FilterToken inToken)
    {
        var open = Peek;
        if (open.Kind != FilterTokenKind.OpenParen)
        {
            throw Error(open, $"expected '(' after 'in', found {open.Describe(Field)}", ["("]);
        }

        at++;
        FilterNode? list = null;
        while (true)
        {
            var item = new ComparisonNode(name, ComparisonOperator.Equal, Value(list is null ? "(" : ","), inToken.Position);
            list = list is null ? item : new OrNode(list, item);
            var next = Peek;
            at++;
            if (next.Kind == FilterTokenKind.CloseParen)
            {
                return list;
            }

            if (next.Kind != FilterTokenKind.Comma)
            {
                at--;
                throw Error(next, $"expected ',' or ')' in the list after 'in', found {next.Describe(Field)}", [",", ")"]);
            }
        }
    }

    private FilterValue Value(string after)
    {
        var token = Peek;
        if (token.Kind is FilterTokenKind.Number or FilterTokenKind.String || (token.Kind == FilterTokenKind.Word && !IsKeyword(token)))
        {
            at++;
            return new FilterValue(token.Text, token.Number, token.Position, token.Length);
        }

        throw Error(token, $"expected a value after '{after}', found {token.Describe(Field)}", ["number", "word", "quoted string"]);
    }

    /// <summary>A word or quoted name, split from its <c>params.</c> or <c>metrics.</c> prefix.</summary>
    internal static FilterName NameOf(FilterToken token)
    {
        foreach (var (prefix, scope) in new[] { ("params.", NameScope.Param), ("metrics.", NameScope.Metric) })
        {
            if (token.Text.Length > prefix.Length && token.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return new FilterName(token.Text[prefix.Length..], scope, token.Position, token.Length);
            }
        }

        return new FilterName(token.Text, NameScope.Any, token.Position, token.Length);
    }

    private static bool StartsOperand(FilterToken token) =>
        token.Kind is FilterTokenKind.OpenParen or FilterTokenKind.Term or FilterTokenKind.String
        || (token.Kind == FilterTokenKind.Word && !token.IsKeyword("and") && !token.IsKeyword("or") && !token.IsKeyword("in"));

    private static bool IsKeyword(FilterToken token) => Keywords.Any(token.IsKeyword);

    private static IReadOnlyList<string> ExpectedTermValues(string term) => term switch
    {
        "status" => FilterTerms.Statuses,
        "source" => FilterTerms.Sources,
        "since" or "before" => FilterTerms.TimeExamples,
        _ => ["value"],
    };

    private static FilterException Error(FilterToken token, string problem, IReadOnlyList<string> expected) =>
        new(Field, token.Position, token.Length, problem, expected);
}
