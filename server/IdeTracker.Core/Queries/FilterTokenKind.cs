namespace IdeTracker.Core.Queries;

internal enum FilterTokenKind
{
    /// <summary>A bare word: a name, a keyword (and, or, not, in, starred) or an unquoted value.</summary>
    Word,
    Number,
    /// <summary>A quoted string, escapes resolved.</summary>
    String,
    /// <summary>A word directly followed by ':' (<c>tag:</c>); the token's text is the word, lower-cased.</summary>
    Term,
    /// <summary>What follows a term's ':' up to a space or parenthesis, or a quoted string there.</summary>
    TermValue,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}
