using IdeTracker.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Builds a <see cref="DataNode"/> tree from the first YAML document of a text, from parser events with
/// its own stack so depth is bounded here and not by the call stack. An alias shares its anchor's node (no
/// copy); an anchor counts only once its node is complete, so a node never contains itself. Whatever goes
/// wrong becomes one located problem, and the part of the tree built before it is kept.</summary>
internal static class YamlTree
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 200_000;

    public static DataNode? Parse(string path, string text, List<Problem> problems)
    {
        var builder = new Builder();
        try
        {
            var parser = new Parser(new StringReader(text));
            if (builder.Run(parser) is { } message)
            {
                problems.Add(new Problem(path, builder.LastLine, message, ProblemSeverity.Warning));
            }
        }
        catch (YamlException e)
        {
            problems.Add(new Problem(path, LineOf(e.Start.Line), "not valid YAML: " + WithoutPosition(e.Message)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet's scanner throws other exceptions on some malformed input; still a fault in the file.
            problems.Add(new Problem(path, builder.LastLine, "not valid YAML after this line: " + e.Message));
        }

        return builder.Root;
    }

    private static int LineOf(long line) => line is > 0 and <= int.MaxValue ? (int)line : 0;

    /// <summary>YamlDotNet starts its messages with "(Line: …) - (Line: …): "; the problem carries the line itself.</summary>
    private static string WithoutPosition(string message)
    {
        const string Separator = "): ";
        var at = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf(Separator, StringComparison.Ordinal) : -1;
        return at < 0 ? message : message[(at + Separator.Length)..];
    }

    private sealed class Builder
    {
        private readonly Stack<Frame> _frames = new();
        private readonly Dictionary<string, DataNode> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public DataNode? Root { get; private set; }

        public int LastLine { get; private set; }

        public string? Run(IParser parser)
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                LastLine = LineOf(current.Start.Line);
                switch (current)
                {
                    case DocumentEnd when Root is not null:
                        return null;
                    case MappingEnd or SequenceEnd:
                        var done = _frames.Pop();
                        if (done.Anchor is not null)
                        {
                            _anchors[done.Anchor] = done.Node;
                        }

                        if (_frames.Count == 0)
                        {
                            return null;
                        }

                        break;
                    case NodeEvent or AnchorAlias:
                        if (Add(current) is { } message)
                        {
                            return message;
                        }

                        break;
                }
            }

            return null;
        }

        private string? Add(ParsingEvent current)
        {
            if (++_nodes > MaxNodes)
            {
                return $"more than {MaxNodes:N0} values; the rest are not read";
            }

            var frame = _frames.Count > 0 ? _frames.Peek() : null;
            if (frame is { Node.IsMapping: true, PendingKey: null })
            {
                frame.PendingKey = current switch
                {
                    Scalar scalar => scalar.Value,
                    AnchorAlias alias => "*" + alias.Value.Value,
                    _ => null,
                };
                return frame.PendingKey is null ? "a key that is a mapping or a list is not supported; what follows is not read" : null;
            }

            var anchor = current is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;
            DataNode node;
            switch (current)
            {
                case Scalar scalar:
                    node = DataNode.Scalar(scalar.Value, scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any, LastLine);
                    if (anchor is not null)
                    {
                        _anchors[anchor] = node;
                    }

                    break;
                case AnchorAlias alias:
                    node = _anchors.TryGetValue(alias.Value.Value, out var target) ? target : DataNode.Scalar("*" + alias.Value.Value, false, LastLine);
                    break;
                case MappingStart:
                    node = DataNode.Mapping(LastLine);
                    break;
                default:
                    node = DataNode.Sequence(LastLine);
                    break;
            }

            Attach(frame, node);
            if (node.Kind != DataNodeKind.Scalar && current is not AnchorAlias)
            {
                if (_frames.Count >= MaxDepth)
                {
                    return $"nested deeper than {MaxDepth} levels; what follows is not read";
                }

                _frames.Push(new Frame(node, anchor));
            }

            return null;
        }

        private void Attach(Frame? frame, DataNode node)
        {
            if (frame is null)
            {
                Root ??= node;
            }
            else if (frame.Node.IsMapping)
            {
                frame.Node.Entries.Add(new(frame.PendingKey!, node));
                frame.PendingKey = null;
            }
            else
            {
                frame.Node.Items.Add(node);
            }
        }
    }

    private sealed class Frame(DataNode node, string? anchor)
    {
        public DataNode Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public string? PendingKey { get; set; }
    }
}
