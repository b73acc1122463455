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

    /// <summary>Text in a Markdown file a person goes on editing (a README draft: their words, run names, values): only
    /// what would turn into markup is escaped (emphasis, code, links, HTML, table pipes, and a heading, list or quote at
    /// the start), so "lr 0.001", "run-7" and "batch_size" read as they are. Newlines become spaces, so a table cell
    /// stays one cell.</summary>
    public static string EscapeForEditing(string text)
    {
        var oneLine = text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
        var builder = new StringBuilder(oneLine.Length + 8);
        for (var i = 0; i < oneLine.Length; i++)
        {
            var c = oneLine[i];
            var intraword = i > 0 && i + 1 < oneLine.Length && char.IsLetterOrDigit(oneLine[i - 1]) && char.IsLetterOrDigit(oneLine[i + 1]);
            var markup = c switch
            {
                '\\' or '`' or '*' or '[' or ']' or '<' or '|' => true,
                '_' or '~' => !intraword,
                '#' or '>' or '-' or '+' or '=' => builder.Length == 0,
                '.' or ')' => i + 1 < oneLine.Length && oneLine[i + 1] == ' ' && builder.Length == i && i > 0 && oneLine[..i].All(char.IsAsciiDigit),
                _ => false,
            };
            if (markup)
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
