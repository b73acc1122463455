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
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    private GuildAttrs(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Reads the attrs whose stamps are given (the files of the folder, as stamped).</summary>
    public static GuildAttrs Read(string folder, IEnumerable<FileStamp> files, List<Problem> problems, CancellationToken cancellationToken)
    {
        var attrs = new GuildAttrs(folder);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file.Path);
            if (Load(file, problems) is { } node)
            {
                attrs._values[name] = node;
            }
        }

        return attrs;
    }

    public string PathOf(string name) => Path.Join(Folder, name);

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>A scalar attribute's text; null when absent, YAML null, or not a scalar.</summary>
    public string? Text(string name) =>
        _values.TryGetValue(name, out var node) && node is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public long? Number(string name, List<Problem> problems)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add(new Problem(PathOf(name), 1, $"'{Shorten(text)}' is not a whole number; ignored", ProblemSeverity.Warning));
        return null;
    }

    public bool IsTrue(string name) => Text(name) is "true" or "True" or "TRUE" or "yes" or "on";

    /// <summary>The scalar items of a list attribute (others are skipped); empty when absent or not a list.</summary>
    public IEnumerable<string> List(string name)
    {
        if (_values.TryGetValue(name, out var node) && node is YamlSequenceNode sequence)
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

    public YamlSequenceNode? Sequence(string name) => _values.TryGetValue(name, out var node) ? node as YamlSequenceNode : null;

    public YamlMappingNode? Mapping(string name) => _values.TryGetValue(name, out var node) ? node as YamlMappingNode : null;

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A mapping's scalar value for a key, or null.</summary>
    public static string? ValueOf(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar)
            ? value
            : null;

    private static YamlNode? Load(FileStamp file, List<Problem> problems)
    {
        if (TextFile.Read(file.Path, file.Size, problems) is not { } text)
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException e)
        {
            problems.Add(new Problem(file.Path, e.Start.Line is > 0 and <= int.MaxValue ? (int)e.Start.Line : 0, "not valid YAML: " + WithoutPosition(e.Message)));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet throws other exceptions on some malformed input; it is still a fault in the file.
            problems.Add(new Problem(file.Path, 0, "not valid YAML: " + e.Message));
            return null;
        }
    }

    private static string WithoutPosition(string message)
    {
        const string separator = "): ";
        var at = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf(separator, StringComparison.Ordinal) : -1;
        return at < 0 ? message : message[(at + separator.Length)..];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
