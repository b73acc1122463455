using System.Buffers.Text;

namespace IdeTracker.Core.Readers.Wandb;

internal enum ValueShape
{
    /// <summary>A number (NaN and ±Infinity included) or a boolean (as 0 / 1): a metric point.</summary>
    Scalar,

    /// <summary>A JSON object: media (it names a "_type") or a logged dict whose leaves may be metrics.</summary>
    Object,

    /// <summary>A string, a list, null, or text that is not JSON: nothing to plot.</summary>
    Other,
}

/// <summary>Tells what one value_json holds without building anything for the common case, a plain number.</summary>
internal static class ValueJson
{
    public static ValueShape Classify(ReadOnlySpan<byte> json, out double value)
    {
        value = 0;
        json = json.Trim(" \t\r\n"u8);
        if (json.IsEmpty)
        {
            return ValueShape.Other;
        }

        switch (json[0])
        {
            case (byte)'{':
                return ValueShape.Object;
            case (byte)'t' when json.SequenceEqual("true"u8):
                value = 1;
                return ValueShape.Scalar;
            case (byte)'f' when json.SequenceEqual("false"u8):
                return ValueShape.Scalar;
            case (byte)'N' or (byte)'I' or (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                // Utf8Parser reads NaN, Infinity and -Infinity as Python's json module writes them, rounds as
                // double.Parse does, and takes half the time; it stops at the first byte that is not part of
                // the number, so anything left over means this is not one.
                return Utf8Parser.TryParse(json, out value, out var used) && used == json.Length
                    ? ValueShape.Scalar
                    : ValueShape.Other;
            default:
                return ValueShape.Other;
        }
    }
}
