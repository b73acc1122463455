using IdeTracker.Core.Queries;

namespace IdeTracker.Core.Tests.Queries;

public sealed class FilterParserTests
{
    [Theory]
    [InlineData("", "(all)")]
    [InlineData("   ", "(all)")]
    [InlineData("lr < 0.01", "(lr < #0.01)")]
    [InlineData("lr<0.01", "(lr < #0.01)")]
    [InlineData("lr <= 1e-3", "(lr <= #0.001)")]
    [InlineData("x > -2", "(x > #-2)")]
    [InlineData("x>=.5", "(x >= #0.5)")]
    [InlineData("x = 1e+3", "(x = #1000)")]
    [InlineData("x == 3", "(x = #3)")]
    [InlineData("x != 3", "(x != #3)")]
    [InlineData("x <> 3", "(x != #3)")]
    [InlineData("optimizer = adam", "(optimizer = 'adam')")]
    [InlineData("model = resnet-50", "(model = 'resnet-50')")]
    [InlineData("commit = 3a5f9c", "(commit = '3a5f9c')")]
    [InlineData("optimizer.lr > 0", "(optimizer.lr > #0)")]
    [InlineData("val/acc > 0.9", "(val/acc > #0.9)")]
    [InlineData("params.lr < 1", "(params.lr < #1)")]
    [InlineData("METRICS.loss < 1", "(metrics.loss < #1)")]
    [InlineData("name ~ 'res.*net'", "(name ~ 'res.*net')")]
    [InlineData("name !~ \"^tmp\"", "(name !~ '^tmp')")]
    [InlineData("lr = \"0.01\"", "(lr = '0.01')")]
    [InlineData("note = 'it\\'s \\\"fine\\\"'", "(note = 'it's \"fine\"')")]
    [InlineData("\"val acc\" > 0.5", "(val acc > #0.5)")]
    [InlineData("tag:baseline", "(tag:baseline)")]
    [InlineData("TAG:k=v", "(tag:k=v)")]
    [InlineData("tag:'two words'", "(tag:two words)")]
    [InlineData("status:failed", "(status:failed)")]
    [InlineData("since:7d", "(since:7d)")]
    [InlineData("before:2026-11-01", "(before:2026-11-01)")]
    [InlineData("starred", "(starred)")]
    [InlineData("STARRED", "(starred)")]
    [InlineData("starred = yes", "(starred = 'yes')")]
    public void Terms_and_comparisons_parse_to_their_node(string filter, string shape)
    {
        Assert.Equal(shape, FilterShape.Of(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("a = 1 or b = 2 and c = 3", "(or (a = #1) (and (b = #2) (c = #3)))")]
    [InlineData("a = 1 and b = 2 or c = 3", "(or (and (a = #1) (b = #2)) (c = #3))")]
    [InlineData("(a = 1 or b = 2) and c = 3", "(and (or (a = #1) (b = #2)) (c = #3))")]
    [InlineData("not a = 1 and b = 2", "(and (not (a = #1)) (b = #2))")]
    [InlineData("not not starred", "(not (not (starred)))")]
    [InlineData("not (a = 1 or b = 2)", "(not (or (a = #1) (b = #2)))")]
    [InlineData("a = 1 AND b = 2 Or c = 3", "(or (and (a = #1) (b = #2)) (c = #3))")]
    [InlineData("a = 1 or b = 2 or c = 3", "(or (or (a = #1) (b = #2)) (c = #3))")]
    public void Or_binds_looser_than_and_which_binds_looser_than_not(string filter, string shape)
    {
        Assert.Equal(shape, FilterShape.Of(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("tag:baseline lr < 0.01", "(and (tag:baseline) (lr < #0.01))")]
    [InlineData("starred since:7d not status:failed", "(and (and (starred) (since:7d)) (not (status:failed)))")]
    [InlineData("a = 1 (b = 2 or c = 3)", "(and (a = #1) (or (b = #2) (c = #3)))")]
    [InlineData("a = 1 b = 2 or c = 3", "(or (and (a = #1) (b = #2)) (c = #3))")]
    public void Terms_side_by_side_are_joined_by_and(string filter, string shape)
    {
        Assert.Equal(shape, FilterShape.Of(FilterParser.Parse(filter)));
    }

    [Theory]
    [InlineData("optimizer in (adam, sgd)", "(or (optimizer = 'adam') (optimizer = 'sgd'))")]
    [InlineData("lr IN (0.1)", "(lr = #0.1)")]
    [InlineData("lr in (0.1, 0.01, 'x')", "(or (or (lr = #0.1) (lr = #0.01)) (lr = 'x'))")]
    public void In_lists_are_short_for_or(string filter, string shape)
    {
        Assert.Equal(shape, FilterShape.Of(FilterParser.Parse(filter)));
    }

    [Fact]
    public void The_issue_example_parses()
    {
        var node = FilterParser.Parse("lr < 0.01 and (optimizer = adam or optimizer = sgd) and val_acc > 0.9 and tag:baseline and since:7d");

        Assert.Equal(
            "(and (and (and (and (lr < #0.01) (or (optimizer = 'adam') (optimizer = 'sgd'))) (val_acc > #0.9)) (tag:baseline)) (since:7d))",
            FilterShape.Of(node));
    }

    [Fact]
    public void Nodes_know_where_they_are()
    {
        var node = Assert.IsType<AndNode>(FilterParser.Parse("lr < 0.01 and tag:'a b'"));
        var comparison = Assert.IsType<ComparisonNode>(node.Left);
        var term = Assert.IsType<TermNode>(node.Right);

        Assert.Equal((0, 2), (comparison.Name.Position, comparison.Name.Length));
        Assert.Equal(3, comparison.OperatorPosition);
        Assert.Equal((5, 4), (comparison.Value.Position, comparison.Value.Length));
        Assert.Equal((14, 18, 5), (term.Position, term.Value.Position, term.Value.Length));
        Assert.Equal((0, 23), (node.Position, node.Length));
    }

    [Theory]
    [InlineData("lr <", 4, "column 5: expected a value after '<', found the end of the filter")]
    [InlineData("lr < and", 5, "column 6: expected a value after '<', found 'and'")]
    [InlineData("lr", 2, "column 3: expected an operator after 'lr', found the end of the filter")]
    [InlineData("lr 0.01", 3, "column 4: expected an operator after 'lr', found '0.01'")]
    [InlineData("lr = 1 and", 10, "column 11: expected a comparison (lr < 0.01), a term (tag:x), 'not' or '(', found the end of the filter")]
    [InlineData("or lr = 1", 0, "column 1: expected a comparison (lr < 0.01), a term (tag:x), 'not' or '(', found 'or'")]
    [InlineData("(lr = 1", 7, "column 8: expected ')' to close the '(' at column 1, found the end of the filter")]
    [InlineData("lr = 1)", 6, "column 7: expected a term, 'and' or 'or', found a ')' that closes nothing")]
    [InlineData("lr = 1 in", 7, "column 8: expected 'and' or 'or', found 'in'")]
    [InlineData("()", 1, "column 2: expected a comparison (lr < 0.01), a term (tag:x), 'not' or '(', found ')'")]
    [InlineData("name = 'abc", 7, "column 8: expected a closing ' for the string that starts here, found the end of the filter")]
    [InlineData("lr ! 1", 3, "column 4: expected an operator (= != < <= > >= ~ !~), found '!'")]
    [InlineData("lr = #", 5, "column 6: expected a name, a value or an operator, found '#'")]
    [InlineData("tag: x = 1", 5, "column 6: expected a value right after 'tag:', found 'x'")]
    [InlineData("since:", 6, "column 7: expected a value right after 'since:', found the end of the filter")]
    [InlineData("x in adam", 5, "column 6: expected '(' after 'in', found 'adam'")]
    [InlineData("x in (a b)", 8, "column 9: expected ',' or ')' in the list after 'in', found 'b'")]
    [InlineData("x in (a,", 8, "column 9: expected a value after ',', found the end of the filter")]
    [InlineData("x in ()", 6, "column 7: expected a value after '(', found ')'")]
    [InlineData("not", 3, "column 4: expected a comparison (lr < 0.01), a term (tag:x), 'not' or '(', found the end of the filter")]
    [InlineData("lr = 1 ,", 7, "column 8: expected 'and' or 'or', found ','")]
    public void Every_syntax_error_names_its_column_what_was_expected_and_what_was_found(string filter, int position, string message)
    {
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
        Assert.Equal("filter", error.Field);
        Assert.True(error.Length >= 1);
        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void An_unclosed_string_is_underlined_from_its_quote_to_the_end()
    {
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse("note ~ \"abc def"));

        Assert.Equal((7, 8), (error.Position, error.Length));
        Assert.Equal(["\""], error.Expected);
    }

    [Fact]
    public void A_missing_term_value_lists_the_words_the_term_takes()
    {
        Assert.Contains("failed", Assert.Throws<FilterException>(() => FilterParser.Parse("status: ")).Expected);
        Assert.Contains("mlflow", Assert.Throws<FilterException>(() => FilterParser.Parse("source:")).Expected);
        Assert.Contains("7d", Assert.Throws<FilterException>(() => FilterParser.Parse("before:")).Expected);
    }
}
