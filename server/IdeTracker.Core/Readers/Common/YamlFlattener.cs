using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Turns the first YAML document of a parser's event stream into dotted params: mappings give
/// "a.b", sequences "a.0", scalars their text. Built from parser events with its own stack, so nesting
/// depth and alias expansion are bounded here rather than by the call stack. Tags (PyYAML's
/// !!python/…) are ignored: a tagged node is read as the scalar, mapping or sequence it is written as.</summary>
internal sealed class YamlFlattener
{
    public const int MaxDepth = 64;
    public const int MaxParams = 10_000;

    private readonly Dictionary<string, string> _params;
    private readonly Stack<Frame> _frames = new();
    private readonly List<KeyValuePair<string, string>> _written = [];
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _anchors = new(StringComparer.Ordinal);
    private bool _done;

    public YamlFlattener(Dictionary<string, string> into) => _params = into;

    /// <summary>1-based line of the last event read: where to point when the parser fails without saying where.</summary>
    public long LastLine { get; private set; }

    /// <summary>Reads until the first document ends. Returns a message when the content had to be cut short
    /// or is not a mapping; throws <see cref="YamlException"/> for YAML that does not parse.</summary>
    public string? Run(IParser parser)
    {
        while (!_done && parser.MoveNext())
        {
            LastLine = parser.Current!.Start.Line;
            var message = parser.Current switch
            {
                DocumentEnd => Finish(),
                MappingEnd or SequenceEnd => EndCollection(),
                NodeEvent or AnchorAlias => Node(parser.Current),
                _ => null,
            };
            if (message is not null)
            {
                return message;
            }
        }

        return null;
    }

    private string? Finish()
    {
        _done = true;
        return null;
    }

    private string? Node(ParsingEvent node)
    {
        var anchor = node is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;
        if (_frames.Count == 0)
        {
            return node switch
            {
                MappingStart => Push(new Frame("", true, anchor, _written.Count)),
                Scalar { Value.Length: 0 } or Scalar { Value: "null" or "~" } => null,
                _ => "the file is not a mapping of names to values; no params read",
            };
        }

        var frame = _frames.Peek();
        if (frame.IsMapping && frame.PendingKey is null)
        {
            if (node is not Scalar and not AnchorAlias)
            {
                return "a key that is a mapping or a list is not supported; params after it are not read";
            }

            frame.PendingKey = node is Scalar key ? key.Value : "*" + ((AnchorAlias)node).Value.Value;
            return null;
        }

        var name = frame.IsMapping ? frame.PendingKey! : frame.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = frame.Prefix.Length == 0 ? name : frame.Prefix + "." + name;
        frame.PendingKey = null;
        frame.Count++;
        switch (node)
        {
            case Scalar scalar:
                var added = Write(path, ScalarText(scalar));
                if (anchor is not null)
                {
                    _anchors[anchor] = [new("", ScalarText(scalar))];
                }

                return added;
            case AnchorAlias alias:
                return Replay(alias.Value.Value, path);
            case MappingStart:
                return Push(new Frame(path, true, anchor, _written.Count));
            default:
                return Push(new Frame(path, false, anchor, _written.Count));
        }
    }

    private string? Push(Frame frame)
    {
        if (_frames.Count >= MaxDepth)
        {
            return $"nested deeper than {MaxDepth} levels; params from there on are not read";
        }

        _frames.Push(frame);
        return null;
    }

    private string? EndCollection()
    {
        var frame = _frames.Pop();
        string? message = null;
        if (frame.Count == 0 && frame.Prefix.Length > 0)
        {
            message = Write(frame.Prefix, frame.IsMapping ? "{}" : "[]");
        }

        if (frame.Anchor is not null)
        {
            _anchors[frame.Anchor] = _written
                .Skip(frame.FirstWritten)
                .Select(p => new KeyValuePair<string, string>(frame.Prefix.Length == 0 ? "." + p.Key : p.Key[frame.Prefix.Length..], p.Value))
                .ToList();
        }

        _done = _frames.Count == 0;
        return message;
    }

    /// <summary>An alias repeats what its anchor produced, under the alias's own key. An anchor not yet
    /// complete (a node that contains its own alias) is kept as the alias text.</summary>
    private string? Replay(string anchor, string path)
    {
        if (!_anchors.TryGetValue(anchor, out var entries))
        {
            return Write(path, "*" + anchor);
        }

        foreach (var (suffix, value) in entries)
        {
            if (Write(path + suffix, value) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    private string? Write(string key, string value)
    {
        if (_written.Count >= MaxParams)
        {
            return $"more than {MaxParams:N0} params; the rest are not read";
        }

        _params[key] = value;
        _written.Add(new(key, value));
        return null;
    }

    /// <summary>PyYAML writes a class or function as a tag with an empty value (!!python/name:torch.optim.Adam ''):
    /// the tag's name is then the only text there is.</summary>
    private static string ScalarText(Scalar scalar)
    {
        if (scalar.Value.Length == 0 && !scalar.Tag.IsEmpty)
        {
            var tag = scalar.Tag.Value;
            foreach (var marker in (string[])["python/name:", "python/module:"])
            {
                var at = tag.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return tag[(at + marker.Length)..];
                }
            }
        }

        return scalar.Value;
    }

    private sealed class Frame(string prefix, bool isMapping, string? anchor, int firstWritten)
    {
        public string Prefix { get; } = prefix;

        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public int FirstWritten { get; } = firstWritten;

        public string? PendingKey { get; set; }

        public int Count { get; set; }
    }
}
