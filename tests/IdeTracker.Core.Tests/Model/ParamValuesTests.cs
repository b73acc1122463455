using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Model;

public sealed class ParamValuesTests
{
    [Theory]
    [InlineData("0.001", "1e-3")]
    [InlineData("32", "32.0")]
    [InlineData("adam", "adam")]
    [InlineData("inf", "Infinity")]
    [InlineData(null, null)]
    public void Same_values_are_the_same(string? a, string? b)
    {
        Assert.True(ParamValues.Same(a, b));
        Assert.Equal(a is null ? null : ParamValues.Canonical(a), b is null ? null : ParamValues.Canonical(b));
    }

    [Theory]
    [InlineData("0.001", "0.01")]
    [InlineData("adam", "Adam")]
    [InlineData("1", null)]
    [InlineData("nan", "NaN")]
    [InlineData("1", "#1")]
    public void Different_values_differ(string? a, string? b)
    {
        Assert.False(ParamValues.Same(a, b));
        if (a is not null && b is not null)
        {
            Assert.NotEqual(ParamValues.Canonical(a), ParamValues.Canonical(b));
        }
    }
}
