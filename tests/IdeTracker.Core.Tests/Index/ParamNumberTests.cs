using IdeTracker.Core.Index;

namespace IdeTracker.Core.Tests.Index;

public sealed class ParamNumberTests
{
    [Theory]
    [InlineData("0.001", 0.001)]
    [InlineData("-3", -3.0)]
    [InlineData("1e-5", 1e-5)]
    [InlineData(" 42 ", 42.0)]
    [InlineData("+7.5", 7.5)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void Numbers_are_read_invariantly(string text, double expected)
    {
        Assert.Equal(expected, ParamNumber.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("adam")]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("True")]
    [InlineData("0,5")]
    [InlineData("1_000")]
    [InlineData("[1, 2]")]
    [InlineData("0x10")]
    public void Anything_else_has_no_number(string text)
    {
        Assert.Null(ParamNumber.Parse(text));
    }
}
