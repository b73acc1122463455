namespace IdeTracker.Core.Index;

/// <summary>What makes two spellings of a value the same value: the number they spell, else the text without
/// regard to case.</summary>
internal readonly record struct ValueIdentity(double? Number, string? FoldedText)
{
    public static ValueIdentity Of(string spelling) =>
        ParamNumber.Parse(spelling) is { } number ? new(number, null) : new(null, spelling.ToUpperInvariant());
}
