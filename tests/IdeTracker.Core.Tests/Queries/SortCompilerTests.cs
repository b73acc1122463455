using IdeTracker.Core.Queries;

namespace IdeTracker.Core.Tests.Queries;

public sealed class SortCompilerTests
{
    private static readonly FilterCatalog Catalog = FilterCatalog.Of(["lr", "shared"], ["val_acc", "shared"]);

    [Fact]
    public void No_sort_is_newest_first()
    {
        Assert.Same(CompiledSort.Newest, SortCompiler.Compile(null, Catalog));
        Assert.Same(CompiledSort.Newest, SortCompiler.Compile("  ", Catalog));
    }

    [Theory]
    [InlineData("start", "r.start_ms ASC")]
    [InlineData("-start", "r.start_ms DESC")]
    [InlineData(" +end", "r.end_ms ASC")]
    [InlineData("-duration", "(r.end_ms - r.start_ms) DESC")]
    [InlineData("NAME", "r.name COLLATE NOCASE ASC")]
    [InlineData("-val_acc", "sm.last DESC")]
    [InlineData("lr", "sp.num ASC")]
    [InlineData("shared", "sm.last ASC")]
    [InlineData("params.shared", "sp.num ASC")]
    public void Keys_order_by_their_column_missing_values_last(string sort, string orderBy)
    {
        var compiled = SortCompiler.Compile(sort, Catalog);

        Assert.Contains(orderBy, compiled.OrderBy);
        Assert.True(compiled.OrderBy.EndsWith(CompiledSort.Tiebreak, StringComparison.Ordinal) || compiled.OrderBy.EndsWith(CompiledSort.KeyTiebreak, StringComparison.Ordinal), compiled.OrderBy);
        Assert.Contains(" IS NULL, ", compiled.OrderBy[..compiled.OrderBy.IndexOf(orderBy, StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData("val_ac", 0, "column 1: expected a sort key (start, end, duration, name, status, experiment, a param or metric), found 'val_ac' (did you mean 'val_acc'?)")]
    [InlineData("-strt", 1, "column 2: expected a sort key (start, end, duration, name, status, experiment, a param or metric), found 'strt' (did you mean 'start'?)")]
    [InlineData("-", 1, "column 2: expected a key (start, name, a param or metric), found the end of the sort")]
    [InlineData("--start", 1, "column 2: expected a name, a value or an operator, found '-'")]
    [InlineData("start name", 6, "column 7: expected the end of the sort after 'start' (one key), found 'name'")]
    [InlineData("< 3", 0, "column 1: expected a key (start, name, a param or metric), found '<'")]
    [InlineData("metrics.lr", 0, "column 1: expected a sort key (start, end, duration, name, status, experiment, a param or metric), found 'metrics.lr'")]
    public void A_bad_sort_is_a_located_error_in_the_sort_field(string sort, int position, string message)
    {
        var error = Assert.Throws<FilterException>(() => SortCompiler.Compile(sort, Catalog));

        Assert.Equal("sort", error.Field);
        Assert.Equal(position, error.Position);
        Assert.Equal(message, error.Message);
    }
}
