using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>A Guild run's .guild/attrs folder: one file per attribute, each holding one YAML value (a scalar,
/// a list or a mapping). Files are read whole (bounded by <see cref="TextFile.MaxBytes"/>); a file that is
/// not YAML is a located problem and that attribute is left out.</summary>
internal sealed class GuildAttrs
{
    private readonly Dictionary<string, FileStamp> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode?> _values = new(StringComparer.Ordinal);
    private readonly List<Problem> _problems;

    private GuildAttrs(string folder, List<Problem> problems)
    {
        Folder = folder;
        _problems = problems;
    }

    public string Folder { get; }

    /// <summary>The attributes a run is made of. Others (deps, run_params, user_flags, env, plugins…) are
    /// Guild's bookkeeping and are not read; flags go through <see cref="YamlParamsFile"/> instead.</summary>
    public static readonly IReadOnlySet<string> Used = new HashSet<string>(StringComparer.Ordinal)
    {
        "op", "label", "tags", "comments", "marked", "started", "stopped", "initialized", "exit_status", "cmd",
        "host", "user", "platform", "pip_freeze", "vcs_commit", "random_seed", "sourcecode_digest",
    };

    /// <summary>The <see cref="Used"/> attrs among the stamped files of the folder, each read when first asked for.</summary>
    public static GuildAttrs Read(string folder, IEnumerable<FileStamp> files, List<Problem> problems)
    {
        var attrs = new GuildAttrs(folder, problems);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Path);
            if (Used.Contains(name))
            {
                attrs._files[name] = file;
            }
        }

        return attrs;
    }

    public string PathOf(string name) => Path.Join(Folder, name);

    /// <summary>A scalar attribute's text; null when absent, YAML null, or not a scalar.</summary>
    public string? Text(string name) =>
        Value(name) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public long? Number(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _problems.Add(new Problem(PathOf(name), 1, $"'{Shorten(text)}' is not a whole number; ignored", ProblemSeverity.Warning));
        return null;
    }

    public bool IsTrue(string name) => Text(name) is "true" or "True" or "TRUE" or "yes" or "on";

    /// <summary>The scalar items of a list attribute (others are skipped); empty when absent or not a list.</summary>
    public IEnumerable<string> List(string name)
    {
        if (Value(name) is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar))
                {
                    yield return value;
                }
            }
        }
    }

    public YamlSequenceNode? Sequence(string name) => Value(name) as YamlSequenceNode;

    public YamlMappingNode? Mapping(string name) => Value(name) as YamlMappingNode;

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A mapping's scalar value for a key, or null.</summary>
    public static string? ValueOf(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar)
            ? value
            : null;

    private YamlNode? Value(string name)
    {
        if (!_values.TryGetValue(name, out var node))
        {
            node = _files.TryGetValue(name, out var file) ? Load(file, _problems) : null;
            _values[name] = node;
        }

        return node;
    }

    private static YamlNode? Load(FileStamp file, List<Problem> problems)
    {
        if (TextFile.Read(file.Path, file.Size, problems) is not { } text)
        {
            return null;
        }

        // Most attrs are one plain word or number (a time, an exit status, a host): no parser needed.
        if (PlainScalar(text) is { } plain)
        {
            return new YamlScalarNode(plain) { Style = ScalarStyle.Plain };
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException e)
        {
            problems.Add(new Problem(file.Path, LineOf(e.Start.Line), "not valid YAML: " + WithoutPosition(e.Message)));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet throws other exceptions on some malformed input; it is still a fault in the file,
            // located as near as the parser got.
            problems.Add(new Problem(file.Path, LineOf(parser.Current?.Start.Line ?? 0), "not valid YAML: " + e.Message));
            return null;
        }
    }

    /// <summary>The text of a one-line document that YAML reads as a plain scalar of that same text: no
    /// indicator at the start, no ": " or " #" inside, no quote, bracket or escape anywhere.</summary>
    private static string? PlainScalar(string text)
    {
        var line = text.AsSpan().Trim();
        if (line.IsEmpty || line.ContainsAny('\n', '\r', '\t') || "-?:,[]{}#&*!|>'\"%@`".Contains(line[0])
            || line.ContainsAny("\"'[]{}\\") || line.Contains(": ", StringComparison.Ordinal) || line.Contains(" #", StringComparison.Ordinal)
            || line[^1] == ':' || line.StartsWith("...") || line.StartsWith("---"))
        {
            return null;
        }

        return line.ToString();
    }

    private static int LineOf(long line) => line is > 0 and <= int.MaxValue ? (int)line : 0;

    private static string WithoutPosition(string message)
    {
        const string separator = "): ";
        var at = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf(separator, StringComparison.Ordinal) : -1;
        return at < 0 ? message : message[(at + separator.Length)..];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
