using IdeTracker.Core.Queries;

namespace IdeTracker.Core.Tests.Queries;

public sealed class FilterCompilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly FilterCatalog Catalog = FilterCatalog.Of(
        ["lr", "optimizer", "dropout", "batch_size", "shared"],
        ["val_acc", "val_loss", "train_loss", "shared"]);

    private static CompiledFilter Compile(string filter) => FilterCompiler.Compile(filter, Catalog, Now);

    private static FilterException Error(string filter) => Assert.Throws<FilterException>(() => Compile(filter));

    [Fact]
    public void An_empty_filter_selects_everything_without_parameters()
    {
        Assert.Same(CompiledFilter.All, Compile(" "));
        Assert.Same(CompiledFilter.All, FilterCompiler.Compile((FilterNode?)null, Catalog, Now));
    }

    [Theory]
    [InlineData("optimizer = 'x\\'; DROP TABLE runs; --'")]
    [InlineData("name ~ 'robert.*; DROP TABLE runs;--'")]
    [InlineData("tag:'a=b\\' OR 1=1'")]
    [InlineData("params.lr < 0.5 and note = '%_'")]
    public void No_literal_or_key_ever_appears_in_the_sql_text(string filter)
    {
        var compiled = Compile(filter);

        Assert.DoesNotContain("DROP", compiled.Sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'", compiled.Sql);
        Assert.DoesNotContain("lr", compiled.Sql);
        Assert.NotEmpty(compiled.Parameters);
        Assert.All(compiled.Parameters, p => Assert.Contains(p.Key, compiled.Sql));
    }

    [Fact]
    public void A_name_that_is_both_a_param_and_a_metric_matches_either_for_a_number_and_the_param_for_text()
    {
        var number = Compile("shared > 1");
        var text = Compile("shared = adam");

        Assert.Contains("FROM params", number.Sql);
        Assert.Contains("FROM metric_summaries", number.Sql);
        Assert.Contains(" OR ", number.Sql);
        Assert.Contains("FROM params", text.Sql);
        Assert.DoesNotContain("metric_summaries", text.Sql);
        Assert.DoesNotContain("metric_summaries", Compile("params.shared > 1").Sql);
        Assert.DoesNotContain("FROM params", Compile("metrics.shared > 1").Sql);
    }

    [Theory]
    [InlineData("lrr < 0.1", 0, 3, new[] { "lr" })]
    [InlineData("val_accc > 0.9", 0, 8, new[] { "val_acc" })]
    [InlineData("Optimiser = adam", 0, 9, new[] { "optimizer" })]
    [InlineData("lr < 1 and drop_out > 0", 11, 8, new[] { "dropout" })]
    [InlineData("params.val_acc > 0.5", 0, 14, new string[0])]
    [InlineData("metrics.lr > 0.5", 0, 10, new string[0])]
    [InlineData("metrics.train_los > 0.5", 0, 17, new[] { "train_loss" })]
    [InlineData("zzzzzz = 1", 0, 6, new string[0])]
    public void An_unknown_name_is_an_error_at_the_name_with_the_closest_names(string filter, int position, int length, string[] suggestions)
    {
        var error = Error(filter);

        Assert.Equal((position, length), (error.Position, error.Length));
        Assert.Equal(suggestions, error.Expected.Take(suggestions.Length));
        Assert.StartsWith($"column {position + 1}: expected a ", error.Message);
        if (suggestions.Length > 0)
        {
            Assert.Contains($"did you mean '{suggestions[0]}'", error.Message);
        }
    }

    [Fact]
    public void The_unknown_name_message_says_what_was_found()
    {
        Assert.Equal(
            "column 1: expected a param, metric or run field the index knows, found 'lrr' (did you mean 'lr'?)",
            Error("lrr < 0.1").Message);
        Assert.Equal("column 1: expected a metric the index knows, found 'metrics.lr'", Error("metrics.lr > 0.5").Message);
    }

    [Theory]
    [InlineData("lr < adam", 5, "column 6: expected a number after '<', found 'adam'")]
    [InlineData("lr >= '0.1'", 6, "column 7: expected a number after '>=', found '0.1'")]
    [InlineData("val_acc > high", 10, "column 11: metric 'val_acc' is a number: expected a number, found 'high'")]
    [InlineData("val_acc = 'x'", 10, "column 11: metric 'val_acc' is a number: expected a number, found 'x'")]
    [InlineData("val_acc ~ 9", 8, "column 9: metric 'val_acc' is a number: expected = != < <= > >=, found '~'")]
    [InlineData("name < b", 5, "column 6: 'name' is text: expected =, !=, ~ or !~, found '<'")]
    [InlineData("commit >= 3", 7, "column 8: 'commit' is text: expected =, !=, ~ or !~, found '>='")]
    [InlineData("status ~ fail", 7, "column 8: expected = or != after 'status', found '~'")]
    public void Operators_and_values_must_suit_what_the_name_is(string filter, int position, string message)
    {
        var error = Error(filter);

        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("status:done", 7, "status")]
    [InlineData("status = crashed", 9, "status")]
    [InlineData("source:neptune", 7, "source")]
    [InlineData("source != comet", 10, "source")]
    public void Status_and_source_words_are_checked_and_the_error_lists_the_known_ones(string filter, int position, string what)
    {
        var error = Error(filter);

        Assert.Equal(position, error.Position);
        Assert.StartsWith($"column {position + 1}: expected a {what} (", error.Message);
        Assert.Equal(what == "status" ? FilterTerms.Statuses : FilterTerms.Sources, error.Expected);
    }

    [Fact]
    public void Status_and_source_ignore_case()
    {
        Assert.Equal("failed", Compile("status:FAILED").Parameters.Single().Value);
        Assert.Equal("mlflow", Compile("source = MLflow").Parameters.Single().Value);
    }

    [Theory]
    [InlineData("since:7x")]
    [InlineData("since:d")]
    [InlineData("before:2026-13-01")]
    [InlineData("before:yesterday")]
    [InlineData("since:-3d")]
    public void A_time_that_is_neither_an_age_nor_a_date_is_an_error_at_the_value(string filter)
    {
        var error = Error(filter);

        Assert.Equal(filter.IndexOf(':') + 1, error.Position);
        Assert.Equal(filter.Length - filter.IndexOf(':') - 1, error.Length);
        Assert.Contains("expected an age (7d, 12h, 30m, 2w) or a date (2026-11-01)", error.Message);
    }

    [Theory]
    [InlineData("since:30m", "2026-12-01T11:30:00Z")]
    [InlineData("since:12h", "2026-12-01T00:00:00Z")]
    [InlineData("since:7d", "2026-11-24T12:00:00Z")]
    [InlineData("since:2W", "2026-11-17T12:00:00Z")]
    [InlineData("before:2026-11-01", "2026-11-01T00:00:00Z")]
    [InlineData("before:2026-11-01T08:30", "2026-11-01T08:30:00Z")]
    [InlineData("before:2026-11-01T08:30:00+02:00", "2026-11-01T06:30:00Z")]
    public void Ages_count_back_from_now_and_dates_are_utc(string filter, string expected)
    {
        var ms = Assert.IsType<long>(Compile(filter).Parameters.Single().Value);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(ms));
    }

    [Theory]
    [InlineData("name ~ 'res(net'", 7, "a '(' is not closed")]
    [InlineData("name ~ '[abc'", 7, "a '[' is not closed")]
    [InlineData("name !~ '*x'", 8, "quantifier")]
    [InlineData("optimizer ~ '(a)\\\\1'", 12, "backreferences")]
    public void A_regex_that_does_not_compile_is_an_error_at_the_pattern(string filter, int position, string says)
    {
        var error = Error(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void An_unknown_term_lists_the_known_ones()
    {
        var error = Error("lr < 1 and color:red");

        Assert.Equal("column 12: expected a term (status:, source:, tag:, since:, before:), found 'color:'", error.Message);
        Assert.Equal((11, 6), (error.Position, error.Length));
        Assert.Equal(["status:", "source:", "tag:", "since:", "before:"], error.Expected);
    }

    [Theory]
    [InlineData("lr >= 1e-4 and lr < 1e-3", 1)]
    [InlineData("lr > 0 and optimizer = adam and lr < 1", 2)]
    [InlineData("lr > 0 or lr < 1", 1)]
    [InlineData("optimizer in (adam, sgd, 'rms prop')", 1)]
    [InlineData("optimizer = adam or lr < 1 or optimizer ~ '^sg'", 2)]
    [InlineData("(optimizer = adam or optimizer = sgd) and (lr < 1 and lr > 0)", 2)]
    [InlineData("lr > 0 and not lr > 1", 2)]
    [InlineData("shared > 0 and shared < 1", 4)]
    [InlineData("val_acc > 0.5 and metrics.val_acc < 0.9", 1)]
    public void Comparisons_of_one_key_in_a_chain_are_one_index_read(string filter, int paramScans)
    {
        var sql = Compile(filter).Sql;

        Assert.Equal(paramScans, sql.Split("FROM params").Length - 1 + sql.Split("FROM metric_summaries").Length - 1);
    }

    [Fact]
    public void In_an_and_chain_the_leftmost_mistake_is_reported()
    {
        Assert.Equal(0, Error("lrr < 1 and status:done").Position);
        Assert.Equal(7, Error("status:ok and lrr < 1").Position);
        Assert.Equal(18, Error("status:failed and lrr < 1").Position);
    }

    [Fact]
    public void An_and_chain_reads_one_list_of_runs_and_probes_the_rest_after_the_column_checks()
    {
        var sql = Compile("lr < 0.01 and tag:baseline and since:7d and val_acc > 0.5").Sql;

        Assert.StartsWith("(COALESCE(r.start_ms >= ", sql);
        // The driving list is the tag term's: its source tags or user tags.
        Assert.Equal(2, sql.Split(" IN (SELECT ").Length - 1);
        Assert.Contains("r.run IN (SELECT t.run FROM tags t", sql);
        Assert.Contains("r.id IN (SELECT a.run_id FROM annotation_tags a", sql);
        Assert.Equal(2, sql.Split("EXISTS (SELECT 1 FROM ").Length - 1);
        Assert.True(sql.IndexOf("FROM tags", StringComparison.Ordinal) < sql.IndexOf("FROM params", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_fields_win_over_params_of_the_same_name_unless_the_param_is_asked_for()
    {
        var catalog = FilterCatalog.Of(["name"], []);

        Assert.Contains("r.name", FilterCompiler.Compile("name = x", catalog, Now).Sql);
        Assert.Contains("FROM params", FilterCompiler.Compile("params.name = x", catalog, Now).Sql);
    }
}
