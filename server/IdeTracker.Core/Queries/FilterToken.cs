namespace IdeTracker.Core.Queries;

/// <summary>One token of a filter; <see cref="Position"/> and <see cref="Length"/> locate it in the source text
/// (quotes included for a string).</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position, int Length, double? Number = null)
{
    public bool IsKeyword(string keyword) =>
        Kind == FilterTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How an error message names this token: "'adam'", "'<'", "the end of the filter".</summary>
    public string Describe(string field) => Kind switch
    {
        FilterTokenKind.End => field == "sort" ? "the end of the sort" : "the end of the filter",
        FilterTokenKind.String or FilterTokenKind.TermValue when Text.Length == 0 => "an empty string",
        FilterTokenKind.Term => $"'{Text}:'",
        _ => $"'{Text}'",
    };
}
