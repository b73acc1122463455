using System.Text;
using YamlDotNet.RepresentationModel;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>How Guild's attribute values become run fields: the command line, the installed packages, the
/// platform, the commit, the comments.</summary>
internal static class GuildRunFacts
{
    /// <summary>The cmd list as one line a shell would accept: words with blanks or quotes are single-quoted.</summary>
    public static string? CommandOf(IEnumerable<string> args)
    {
        var line = string.Join(' ', args.Select(Quote));
        return line.Length > 0 ? line : null;
    }

    /// <summary>pip freeze lines: "name==version", "name @ url" (no version), "-e …#egg=name".</summary>
    public static void AddPackages(IEnumerable<string> lines, Dictionary<string, string> into)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var pinned = line.IndexOf("==", StringComparison.Ordinal);
            if (pinned > 0)
            {
                into[line[..pinned].Trim()] = line[(pinned + 2)..].Trim();
                continue;
            }

            var at = line.IndexOf(" @ ", StringComparison.Ordinal);
            var egg = line.IndexOf("#egg=", StringComparison.Ordinal);
            var name = at > 0 ? line[..at] : egg >= 0 ? line[(egg + 5)..] : line;
            into.TryAdd(name.Trim(), "");
        }
    }

    /// <summary>Guild's platform attr (architecture, cpus, processor, python_version, uname) in the run's
    /// environment words: python, os, cpu_count, processor, architecture.</summary>
    public static void AddPlatform(YamlMappingNode? platform, Dictionary<string, string> into)
    {
        if (platform is null)
        {
            return;
        }

        if (GuildAttrs.ValueOf(platform, "python_version") is { } python)
        {
            // "3.8.10 (default, Jun 22 2022, 20:18:18) [GCC 9.4.0]": the version is the first word.
            into["python"] = python.Split(' ', 2)[0];
        }

        foreach (var (key, word) in (ReadOnlySpan<(string, string)>)[("uname", "os"), ("cpus", "cpu_count"), ("processor", "processor"), ("architecture", "architecture")])
        {
            if (GuildAttrs.ValueOf(platform, key) is { Length: > 0 } value)
            {
                into[word] = value;
            }
        }
    }

    /// <summary>vcs_commit is "git:&lt;sha&gt;", with "*" appended when the work tree had changes.</summary>
    public static (string? Commit, bool? Dirty) CommitOf(string? text)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return (null, null);
        }

        var commit = text.Trim();
        var dirty = commit.EndsWith('*');
        if (dirty)
        {
            commit = commit[..^1];
        }

        if (commit.StartsWith("git:", StringComparison.Ordinal))
        {
            commit = commit[4..];
        }

        return (commit, dirty);
    }

    /// <summary>The bodies of the comments list (each a mapping with user, host, time and body), oldest first.</summary>
    public static string? NoteOf(YamlSequenceNode? comments)
    {
        if (comments is null)
        {
            return null;
        }

        var bodies = comments.Children
            .Select(c => c switch
            {
                YamlMappingNode m => GuildAttrs.ValueOf(m, "body"),
                YamlScalarNode { Value: { } s } => s,
                _ => null,
            })
            .Where(b => !string.IsNullOrWhiteSpace(b))
            .Select(b => b!.Trim())
            .ToList();
        return bodies.Count > 0 ? string.Join("\n\n", bodies) : null;
    }

    /// <summary>Guild's timestamps are microseconds since the epoch.</summary>
    public static DateTimeOffset? TimeOf(long? microseconds) =>
        microseconds is { } us && us > 0 && us < 253402300800000000 ? DateTimeOffset.UnixEpoch.AddTicks(us * 10) : null;

    private static string Quote(string arg)
    {
        if (arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)))
        {
            return arg;
        }

        var quoted = new StringBuilder("'");
        quoted.Append(arg.Replace("'", "'\\''", StringComparison.Ordinal));
        return quoted.Append('\'').ToString();
    }
}
