using System.Collections.Concurrent;
using IdeTracker.Core.Configs;
using IdeTracker.Server.Lsp;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The config files the client has open, by URI. Notifications arrive in order (the connection runs
/// them one at a time), so an edit is applied to the text the previous edit left; reads take snapshots.</summary>
public sealed class OpenDocuments
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);

    public IReadOnlyCollection<OpenDocument> All => [.. _documents.Values];

    /// <summary>Keeps the document when its syntax is one we read (by language id, else file name); otherwise
    /// returns null and the server leaves the document alone.</summary>
    public OpenDocument? Open(TextDocumentItem item)
    {
        if (ConfigParser.SyntaxOf(item.Uri, item.LanguageId) is not { } syntax || !TryPath(item.Uri, out var path))
        {
            return null;
        }

        var document = new OpenDocument(item.Uri, path, syntax, item.Version, item.Text);
        _documents[item.Uri] = document;
        return document;
    }

    /// <summary>Applies the edits to the open document; null when the document is not one we keep.</summary>
    public OpenDocument? Change(DidChangeTextDocumentParams change)
    {
        var uri = change.TextDocument.Uri;
        if (!_documents.TryGetValue(uri, out var current))
        {
            return null;
        }

        var updated = current.WithText(change.TextDocument.Version, TextEdits.Apply(current.Text, change.ContentChanges));
        _documents[uri] = updated;
        return updated;
    }

    public bool Close(string uri) => _documents.TryRemove(uri, out _);

    public OpenDocument? Get(string uri) => _documents.TryGetValue(uri, out var document) ? document : null;

    private static bool TryPath(string uri, out string path)
    {
        try
        {
            path = DocumentUris.ToPath(uri);
            return true;
        }
        catch (ArgumentException)
        {
            path = "";
            return false;
        }
    }
}
