using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Wandb;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>The corpus's W&amp;B store (wandb/VerySimpleTransformer/wandb): nine run folders, six with a .wandb log.</summary>
internal static class WandbCorpus
{
    public static readonly string Workspace = Corpus.PathOf("wandb", "VerySimpleTransformer");

    public static readonly string Store = Path.Combine(Workspace, "wandb");

    public static IEnumerable<string> Folders => Directory.GetDirectories(Store).Order(StringComparer.Ordinal);

    public static string FolderOf(string id) => Folders.Single(f => f.EndsWith("-" + id, StringComparison.Ordinal));

    public static RunUnit UnitOf(string folder) => new(UnitFormats.WandbRun, folder, Store, Workspace);

    public static UnitReadResult Read(string id, TimeProvider? time = null) =>
        new WandbRunReader(time ?? FixedTime.Later).Read(UnitOf(FolderOf(id)), CancellationToken.None);
}
