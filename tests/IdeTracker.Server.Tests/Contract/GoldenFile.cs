using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Tests.Contract;

/// <summary>Writes a protocol sample as the server serialises it into the extension's golden folder, where
/// the TypeScript tests parse it. Regenerate-and-compare: a sample that differs from the committed file is
/// rewritten (so the diff is there to review and commit) and the test fails.</summary>
public static class GoldenFile
{
    public static string Folder { get; } = Path.Combine(Corpus.RepositoryRoot, "extension", "src", "protocol", "__golden__");

    private static readonly JsonSerializerOptions Options = LanguageServerHost.ConfigureJson(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Null when the committed file already holds exactly this sample; else why it was rewritten.</summary>
    public static string? Regenerate<T>(string name, T sample)
    {
        var path = Path.Combine(Folder, name + ".json");
        var json = JsonSerializer.Serialize(sample, Options).ReplaceLineEndings("\n") + "\n";
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (committed == json)
        {
            return null;
        }

        Directory.CreateDirectory(Folder);
        File.WriteAllText(path, json);
        return committed is null
            ? $"{path} did not exist and has been written: commit it."
            : $"{path} differed from what the server writes and has been rewritten: review the diff, update extension/src/protocol to match, and commit it.";
    }
}
