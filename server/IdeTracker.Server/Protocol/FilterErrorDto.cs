using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Why a filter does not parse: <see cref="Message"/> says what was found and what was expected
/// ("column 12: expected a value after '<', found the end of the filter"); <see cref="Position"/> is the
/// 0-based UTF-16 offset into the filter text and <see cref="Length"/> how many characters to underline.
/// <see cref="Field"/> is "filter" or "sort".</summary>
public sealed record FilterErrorDto(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("expected")] IReadOnlyList<string> Expected,
    [property: JsonPropertyName("field")] string Field);
