using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

public sealed class BoundedCacheTests
{
    [Fact]
    public void A_value_asked_for_again_is_not_worked_out_again()
    {
        var cache = new BoundedCache<string, int>(2);
        var calls = 0;

        cache.GetOrAdd("a", () => ++calls);
        var again = cache.GetOrAdd("a", () => ++calls);

        Assert.Equal((1, 1), (again, calls));
    }

    [Fact]
    public void The_least_recently_used_value_is_dropped_first()
    {
        var cache = new BoundedCache<string, string>(2);
        cache.GetOrAdd("a", () => "a1");
        cache.GetOrAdd("b", () => "b1");
        cache.GetOrAdd("a", () => "a2");

        cache.GetOrAdd("c", () => "c1");

        Assert.Equal(2, cache.Count);
        Assert.Equal("a1", cache.GetOrAdd("a", () => "a3"));
        Assert.Equal("b2", cache.GetOrAdd("b", () => "b2"));
    }

    [Fact]
    public void A_value_whose_work_threw_is_not_kept()
    {
        var cache = new BoundedCache<string, int>(2);

        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd("a", () => throw new InvalidOperationException("index closed")));

        Assert.Equal(0, cache.Count);
        Assert.Equal(7, cache.GetOrAdd("a", () => 7));
    }
}
