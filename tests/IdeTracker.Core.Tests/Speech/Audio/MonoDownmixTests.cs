using IdeTracker.Core.Speech.Audio;

namespace IdeTracker.Core.Tests.Speech.Audio;

public sealed class MonoDownmixTests
{
    [Fact]
    public void Each_frame_becomes_the_average_of_its_channels()
    {
        var clip = new AudioClip(8_000, 3, [0.3f, 0.6f, 0.9f, -1f, -1f, -1f, 1f, -1f, 0f]);

        Assert.Equal([0.6f, -1f, 0f], MonoDownmix.Downmix(clip), new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Mono_is_copied_and_a_partial_frame_is_ignored()
    {
        var mono = new float[2];

        Assert.Equal(2, MonoDownmix.Downmix([0.5f, 0.5f, 0.25f, 0.75f, 1f], 2, mono));
        Assert.Equal([0.5f, 0.5f], mono);
        Assert.Equal([0.1f, 0.2f], MonoDownmix.Downmix(new AudioClip(8_000, 1, [0.1f, 0.2f])));
    }

    [Fact]
    public void Too_little_room_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MonoDownmix.Downmix([0f, 0f, 0f, 0f], 1, new float[3]));
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
