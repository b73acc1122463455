using IdeTracker.Core.Configs;

namespace IdeTracker.Server.Tests.Configs;

/// <summary>Hand-built results by dotted key, standing in for the index-backed implementation; counts the calls
/// so tests can see what was asked and when.</summary>
public sealed class TestConfigResults : IConfigResults
{
    private readonly Dictionary<string, KeyResults> _keys = new(StringComparer.Ordinal);

    public FileResults File { get; set; } = new(0, 0, null, [], []);

    public int EntryCalls { get; private set; }

    public int DocumentCalls { get; private set; }

    public TestConfigResults With(string dottedKey, KeyResults results)
    {
        _keys[dottedKey] = results;
        return this;
    }

    public KeyResults ForEntry(ConfigEntry entry)
    {
        EntryCalls++;
        return _keys.TryGetValue(entry.DottedPath, out var results) ? results : new KeyResults(KeyMatch.NotFound, null, 0, []);
    }

    public FileResults ForDocument(ConfigDocument document)
    {
        DocumentCalls++;
        return File;
    }
}
