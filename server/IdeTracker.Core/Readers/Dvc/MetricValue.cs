using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What counts as a metric value in a metrics file: a number written as one (not a quoted string,
/// not a boolean), including the spellings of NaN and infinity Python, JSON and YAML use.</summary>
internal static class MetricValue
{
    public static bool TryParse(DataNode node, out double value)
    {
        value = 0;
        if (!node.IsScalar || node.Quoted || node.IsNull)
        {
            return false;
        }

        var text = node.Text.Trim();
        if (text is "true" or "false" or "True" or "False")
        {
            return false;
        }

        // YAML spells them .nan, .inf, -.inf.
        var sign = text.StartsWith('-') || text.StartsWith('+') ? text[..1] : "";
        if (text.AsSpan(sign.Length).StartsWith(".") && text.Length > sign.Length + 1 && char.IsLetter(text[sign.Length + 1]))
        {
            text = sign + text[(sign.Length + 1)..];
        }

        return CsvFields.TryParseValue(text, out value);
    }
}
