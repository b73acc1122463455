using System.Text;

namespace IdeTracker.Core.Presentation;

/// <summary>Run names, params and tags are data, never markup: escape them before they go into Markdown.</summary>
public static class MarkdownText
{
    private const string Special = "\\`*_{}[]()#+-.!|<>~&";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }

            if (Special.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Inline code that cannot be broken out of: a fence longer than any backtick run inside.</summary>
    public static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var oneLine = text.Replace('\n', ' ').Replace('\r', ' ');
        return $"{fence} {oneLine} {fence}";
    }
}
