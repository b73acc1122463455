using System.Text;
using System.Text.Json;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Tests.Readers.Common;

public sealed class PythonJsonTests
{
    [Fact]
    public void System_text_json_rejects_bare_named_numbers_even_with_named_literals_allowed()
    {
        // Why PythonJson exists: the option only accepts them quoted.
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<double[]>("[NaN]", options));
        Assert.True(double.IsNaN(JsonSerializer.Deserialize<double[]>("[\"NaN\"]", options)![0]));
    }

    [Theory]
    [InlineData("[NaN, Infinity, -Infinity]", "[\"NaN\", \"Infinity\", \"-Infinity\"]")]
    [InlineData("{\"NaN\": \"Infinity -Infinity\", \"x\": NaN}", "{\"NaN\": \"Infinity -Infinity\", \"x\": \"NaN\"}")]
    [InlineData("[\"a\\\"NaN\", 1]", "[\"a\\\"NaN\", 1]")]
    [InlineData("[1e5, -2]", "[1e5, -2]")]
    [InlineData("\uFEFF{\"a\": 1}", "{\"a\": 1}")]
    public void Prepare_quotes_named_numbers_outside_strings_only(string python, string expected)
    {
        var prepared = PythonJson.Prepare(Encoding.UTF8.GetBytes(python));

        Assert.Equal(expected, Encoding.UTF8.GetString(prepared.Span));
    }

    [Fact]
    public void Prepared_named_numbers_read_back_as_numbers_and_lines_stay_put()
    {
        var prepared = PythonJson.Prepare("{\"a\": [NaN,\n -Infinity],\n \"b\": x}"u8.ToArray());

        var error = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(prepared));
        Assert.Equal(3, PythonJson.LineOf(error));

        using var document = JsonDocument.Parse(PythonJson.Prepare("[NaN, -Infinity, 2.5]"u8.ToArray()));
        var values = document.RootElement.EnumerateArray().Select(e => PythonJson.TryGetNumber(e, out var v) ? v : 0).ToArray();
        Assert.Equal([double.NaN, double.NegativeInfinity, 2.5], values);
    }
}
