using IdeTracker.Core.Index;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Index;

public sealed class StampFingerprintTests
{
    private static readonly FileStamp A = new("/w/mlruns/0/r/meta.yaml", 120, 638_000_000_000_000_000);
    private static readonly FileStamp B = new("/w/mlruns/0/r/metrics/loss", 4_000, 638_000_000_000_000_123);

    [Fact]
    public void The_order_of_stamps_does_not_matter()
    {
        Assert.Equal(StampFingerprint.Of([A, B]), StampFingerprint.Of([B, A]));
    }

    [Fact]
    public void Any_change_of_path_size_time_or_count_changes_the_fingerprint()
    {
        var original = StampFingerprint.Of([A, B]);

        Assert.NotEqual(original, StampFingerprint.Of([A, B with { Size = 4_001 }]));
        Assert.NotEqual(original, StampFingerprint.Of([A, B with { MtimeTicks = B.MtimeTicks + 1 }]));
        Assert.NotEqual(original, StampFingerprint.Of([A, B with { Path = "/w/mlruns/0/r/metrics/acc" }]));
        Assert.NotEqual(original, StampFingerprint.Of([A]));
        Assert.NotEqual(original, StampFingerprint.Of([A, B, B]));
        Assert.NotEqual(StampFingerprint.Of([]), StampFingerprint.Of([A]));
    }
}
