using IdeTracker.Core.Index;
using IdeTracker.Core.Readers.Mlflow;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>What a warm scan notices: the stamps of a run change whenever MLflow could have changed it.</summary>
public sealed class MlflowRunStampTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";
    private readonly MlflowFileStoreFixture store = new();
    private readonly MlflowFileRunReader reader = new();
    private readonly string folder;

    public MlflowRunStampTests()
    {
        store.Experiment("0");
        folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, "0"));
        store.Write($"0/{RunId}/params/lr", "0.01");
        store.Write($"0/{RunId}/params/optim/name", "adam");
        store.Write($"0/{RunId}/metrics/loss", "1700000000000 0.5 0\n");
        store.Write($"0/{RunId}/tags/mlflow.note.content", "first");
    }

    private long Fingerprint() => StampFingerprint.Of(reader.Stamp(store.Unit(folder)));

    [Fact]
    public void A_new_param_changes_the_stamps()
    {
        var before = Fingerprint();
        store.Write($"0/{RunId}/params/momentum", "0.9");

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void A_new_nested_param_changes_the_stamps()
    {
        var before = Fingerprint();
        store.Write($"0/{RunId}/params/optim/beta", "0.99");

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void An_appended_metric_line_changes_the_stamps()
    {
        var before = Fingerprint();
        File.AppendAllText(Path.Combine(folder, "metrics", "loss"), "1700000001000 0.4 1\n");

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void A_tag_rewritten_in_place_changes_the_stamps()
    {
        var before = Fingerprint();
        var tag = Path.Combine(folder, "tags", "mlflow.note.content");
        File.WriteAllText(tag, "second");
        File.SetLastWriteTimeUtc(tag, File.GetLastWriteTimeUtc(tag).AddSeconds(5));

        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void Nothing_changed_means_the_same_stamps()
    {
        Assert.Equal(Fingerprint(), Fingerprint());
    }

    public void Dispose() => store.Dispose();
}
