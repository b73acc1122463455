using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Queries;

/// <summary>SQLite has no REGEXP of its own: <c>regexp(pattern, text)</c> is this .NET function, registered
/// on every read connection. Patterns are case-insensitive (<c>(?-i)</c> turns that off), search anywhere in
/// the text, and run on .NET's non-backtracking engine, whose time is linear in the text, so no pattern can
/// stall a query; a match timeout guards all the same. Compiled patterns are cached.</summary>
public static class RegexFunction
{
    public const string Name = "regexp";

    private const int MaxCached = 256;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string, string?, bool>(Name, IsMatch, isDeterministic: true);

    /// <summary>Why <paramref name="pattern"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            Get(pattern);
            return null;
        }
        catch (RegexParseException e)
        {
            return $"this is not a valid regular expression: {e.Error switch
            {
                RegexParseError.InsufficientClosingParentheses => "a '(' is not closed",
                RegexParseError.InsufficientOpeningParentheses => "a ')' closes nothing",
                RegexParseError.UnterminatedBracket => "a '[' is not closed",
                RegexParseError.QuantifierAfterNothing => "a quantifier (*, +, ?) follows nothing",
                _ => e.Error.ToString(),
            }} at character {e.Offset}";
        }
        catch (ArgumentException e)
        {
            return $"this is not a valid regular expression: {e.Message}";
        }
        catch (NotSupportedException)
        {
            return "this regular expression uses backreferences or lookarounds, which filters do not support";
        }
    }

    private static bool IsMatch(string pattern, string? text) => text is not null && Get(pattern).IsMatch(text);

    private static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        regex = new Regex(pattern, Options, Timeout);
        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        return regex;
    }
}
