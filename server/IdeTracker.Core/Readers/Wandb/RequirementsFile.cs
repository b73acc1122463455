using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Reads files/requirements.txt, which W&amp;B writes from pip's view of the environment:
/// "name==version" lines, and sometimes other pip forms ("name @ file:///…", "name>=1.2", "-e git+…#egg=name",
/// comments). A pinned version is kept as it is; any other specifier is kept as written ("&gt;=1.2"); a name
/// alone gets "".</summary>
internal static class RequirementsFile
{
    public const int MaxPackages = 10_000;

    public static void Read(string path, long size, Dictionary<string, string> packages, List<Problem> problems)
    {
        if (TextFile.Read(path, size, problems) is not { } text)
        {
            return;
        }

        var found = new ProblemList(path, problems);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = WithoutComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (packages.Count >= MaxPackages)
            {
                found.Add(lineNumber, $"more than {MaxPackages:N0} packages; the rest are not read");
                break;
            }

            if (Parse(line) is { } package)
            {
                packages[package.Name] = package.Version;
            }
            else if (!line.StartsWith('-'))
            {
                found.Add(lineNumber, $"'{Shorten(line)}' is not a package requirement; skipped");
            }
        }

        found.Flush();
    }

    /// <summary>Null for pip options ("--index-url …") and lines that name no package.</summary>
    public static (string Name, string Version)? Parse(string line)
    {
        if (line.StartsWith('-'))
        {
            // "-e git+https://…#egg=name": the package is named by the egg fragment, if at all.
            var egg = line.IndexOf("#egg=", StringComparison.Ordinal);
            return egg < 0 ? null : (line[(egg + 5)..].Trim(), "");
        }

        var marker = line.IndexOf(';');
        if (marker >= 0)
        {
            line = line[..marker].TrimEnd();
        }

        var url = line.IndexOf(" @ ", StringComparison.Ordinal);
        if (url >= 0)
        {
            return NameOf(line[..url]) is { } urlName ? (urlName, "") : null;
        }

        var specifier = line.IndexOfAny(['=', '<', '>', '~', '!']);
        var name = NameOf(specifier < 0 ? line : line[..specifier]);
        if (name is null)
        {
            return null;
        }

        if (specifier < 0)
        {
            return (name, "");
        }

        var spec = line[specifier..].Trim();
        return spec.StartsWith("===", StringComparison.Ordinal) ? (name, spec[3..].Trim())
            : spec.StartsWith("==", StringComparison.Ordinal) && spec.IndexOfAny([',', '*']) < 0 ? (name, spec[2..].Trim())
            : (name, spec);
    }

    /// <summary>A distribution name without extras ("torch[cuda]" → "torch"); null when it is not one.</summary>
    private static string? NameOf(string text)
    {
        var bracket = text.IndexOf('[');
        var name = (bracket < 0 ? text : text[..bracket]).Trim();
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? name : null;
    }

    /// <summary>pip's comments start with "#" at the line's start or after white space ("#egg=" inside a URL is not one).</summary>
    private static string WithoutComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
