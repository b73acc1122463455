namespace IdeTracker.Core.Readers.Dvc;

/// <summary>One value of a parsed dvc.yaml, dvc.lock, params or metrics file, whichever syntax it came in
/// (YAML, JSON, TOML): a scalar kept as its text, a mapping with its keys in file order, or a list. Nodes
/// may be shared (a YAML alias points at its anchor's node), so anything that walks a tree bounds its work.</summary>
internal sealed class DataNode
{
    private DataNode(DataNodeKind kind, string text, bool quoted, int line)
    {
        Kind = kind;
        Text = text;
        Quoted = quoted;
        Line = line;
    }

    public DataNodeKind Kind { get; }

    /// <summary>A scalar's text as written ("0.001", "true", "adam"); empty for a mapping or a list.</summary>
    public string Text { get; }

    /// <summary>True for a scalar written as a string (quoted YAML, a JSON or TOML string): text, never a number.</summary>
    public bool Quoted { get; }

    /// <summary>1-based line where the node starts, 0 when the syntax does not say.</summary>
    public int Line { get; }

    public List<KeyValuePair<string, DataNode>> Entries { get; } = [];

    public List<DataNode> Items { get; } = [];

    public bool IsMapping => Kind == DataNodeKind.Mapping;

    public bool IsSequence => Kind == DataNodeKind.Sequence;

    public bool IsScalar => Kind == DataNodeKind.Scalar;

    /// <summary>A YAML or JSON null: an empty plain scalar, "null" or "~".</summary>
    public bool IsNull => Kind == DataNodeKind.Scalar && !Quoted && Text is "" or "null" or "Null" or "NULL" or "~";

    /// <summary>The value of the first entry with this key, when this is a mapping that has one.</summary>
    public DataNode? this[string key]
    {
        get
        {
            foreach (var (name, value) in Entries)
            {
                if (string.Equals(name, key, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return null;
        }
    }

    /// <summary>The scalar text of the entry with this key, or null when there is none or it is not a scalar.</summary>
    public string? TextOf(string key) => this[key] is { IsScalar: true, IsNull: false } value ? value.Text : null;

    public static DataNode Scalar(string text, bool quoted, int line) => new(DataNodeKind.Scalar, text, quoted, line);

    public static DataNode Mapping(int line) => new(DataNodeKind.Mapping, "", false, line);

    public static DataNode Sequence(int line) => new(DataNodeKind.Sequence, "", false, line);
}
