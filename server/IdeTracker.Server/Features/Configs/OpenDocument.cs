using IdeTracker.Core.Configs;

namespace IdeTracker.Server.Features.Configs;

/// <summary>A config file as the client has it open: its (possibly unsaved) text at a version. Immutable: an edit
/// makes a new one, so a request works on the snapshot it started with. The parse is made once, when first asked for.</summary>
public sealed class OpenDocument
{
    private readonly Lazy<ConfigDocument> _parsed;

    public OpenDocument(string uri, string path, ConfigSyntax syntax, int version, string text)
    {
        Uri = uri;
        Path = path;
        Syntax = syntax;
        Version = version;
        Text = text;
        _parsed = new Lazy<ConfigDocument>(() => ConfigParser.Parse(text, syntax), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Uri { get; }

    /// <summary>The file's path on disk (for the folder its relative paths start from).</summary>
    public string Path { get; }

    public ConfigSyntax Syntax { get; }

    public int Version { get; }

    public string Text { get; }

    public ConfigDocument Parsed => _parsed.Value;

    public OpenDocument WithText(int version, string text) => new(Uri, Path, Syntax, version, text);
}
