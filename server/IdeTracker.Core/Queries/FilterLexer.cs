using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Queries;

/// <summary>Splits a filter (or sort) into tokens. Words start with a letter or '_' and go on with letters,
/// digits and <c>_ . / -</c>, so <c>optimizer.lr</c>, <c>val/acc</c> and <c>resnet-50</c> are one word; a run
/// of such characters that starts with a digit (or a sign or '.' before a digit) is a number when it reads
/// as one in full (<c>1e-3</c>, <c>-2</c>, <c>.5</c>) and a word otherwise (<c>3a5f9c</c>, a commit). A word
/// directly followed by ':' is a term (<c>tag:</c>); what follows the colon, up to a space or parenthesis, is
/// its value, or a quoted string. Strings take '…' or "…" with backslash escapes (\\ \' \" \n \t).</summary>
internal sealed class FilterLexer
{
    private readonly string text;
    private readonly string field;
    private int at;

    private FilterLexer(string text, string field)
    {
        this.text = text;
        this.field = field;
    }

    /// <summary>The tokens of <paramref name="text"/> from <paramref name="start"/> on, always ending with an End token.</summary>
    public static List<FilterToken> Tokenize(string text, string field = "filter", int start = 0)
    {
        var lexer = new FilterLexer(text, field) { at = start };
        var tokens = new List<FilterToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == FilterTokenKind.End)
            {
                return tokens;
            }

            // A term's value starts right after its colon; with a space there the term has none.
            if (token.Kind == FilterTokenKind.Term && lexer.AtTermValue())
            {
                tokens.Add(lexer.TermValue());
            }
        }
    }

    private bool AtTermValue() => at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] is not ('(' or ')');

    private FilterToken Next()
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        if (at >= text.Length)
        {
            return new FilterToken(FilterTokenKind.End, "", text.Length, 0);
        }

        var start = at;
        var c = text[at];
        switch (c)
        {
            case '(':
                at++;
                return new FilterToken(FilterTokenKind.OpenParen, "(", start, 1);
            case ')':
                at++;
                return new FilterToken(FilterTokenKind.CloseParen, ")", start, 1);
            case ',':
                at++;
                return new FilterToken(FilterTokenKind.Comma, ",", start, 1);
            case '\'' or '"':
                return QuotedString(FilterTokenKind.String);
        }

        if (IsWordStart(c))
        {
            var word = ReadWordChars();
            if (at < text.Length && text[at] == ':')
            {
                at++;
                return new FilterToken(FilterTokenKind.Term, word.ToLowerInvariant(), start, at - start);
            }

            return new FilterToken(FilterTokenKind.Word, word, start, at - start);
        }

        if (char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && StartsNumber(at)))
        {
            at++;
            var chunk = c + ReadNumberChars();
            if (double.TryParse(chunk, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return new FilterToken(FilterTokenKind.Number, chunk, start, at - start, number);
            }

            return new FilterToken(FilterTokenKind.Word, chunk, start, at - start);
        }

        if (c is '=' or '!' or '<' or '>' or '~')
        {
            at++;
            if (at < text.Length && (text[at] is '=' or '~' || (c == '<' && text[at] == '>')) && ComparisonOperators.Parse(text.Substring(start, 2)) is not null)
            {
                at++;
            }

            var op = text[start..at];
            if (ComparisonOperators.Parse(op) is null)
            {
                throw new FilterException(field, start, at - start, $"expected an operator (= != < <= > >= ~ !~), found '{op}'", OperatorSpellings);
            }

            return new FilterToken(FilterTokenKind.Operator, op, start, at - start);
        }

        throw new FilterException(field, start, 1, $"expected a name, a value or an operator, found '{c}'", []);
    }

    public static readonly IReadOnlyList<string> OperatorSpellings = ["=", "!=", "<", "<=", ">", ">=", "~", "!~"];

    private FilterToken TermValue()
    {
        if (text[at] is '\'' or '"')
        {
            return QuotedString(FilterTokenKind.TermValue);
        }

        var start = at;
        while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] is not ('(' or ')'))
        {
            at++;
        }

        return new FilterToken(FilterTokenKind.TermValue, text[start..at], start, at - start);
    }

    private FilterToken QuotedString(FilterTokenKind kind)
    {
        var start = at;
        var quote = text[at++];
        var value = new StringBuilder();
        while (at < text.Length)
        {
            var c = text[at++];
            if (c == quote)
            {
                return new FilterToken(kind, value.ToString(), start, at - start);
            }

            if (c == '\\' && at < text.Length)
            {
                var escaped = text[at++];
                value.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    _ => escaped,
                });
            }
            else
            {
                value.Append(c);
            }
        }

        throw new FilterException(field, start, text.Length - start, $"expected a closing {quote} for the string that starts here, found the end of the {field}", [quote.ToString()]);
    }

    private bool StartsNumber(int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (char.IsAsciiDigit(next))
        {
            return true;
        }

        return text[i] is '-' or '+' && next == '.' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]);
    }

    /// <summary>Word characters, and a '+' right after an exponent's e (<c>1e+3</c>).</summary>
    private string ReadNumberChars()
    {
        var start = at;
        while (at < text.Length && (IsWordChar(text[at]) || (text[at] == '+' && text[at - 1] is 'e' or 'E')))
        {
            at++;
        }

        return text[start..at];
    }

    private string ReadWordChars()
    {
        var start = at;
        while (at < text.Length && IsWordChar(text[at]))
        {
            at++;
        }

        return text[start..at];
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '/' or '-';
}
