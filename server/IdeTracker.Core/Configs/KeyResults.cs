using IdeTracker.Core.Index;

namespace IdeTracker.Core.Configs;

/// <summary>What past runs did with one config key: every value they set it to (numbers in ascending order,
/// then text values by name), and the main metric the results are judged by (null when the runs report none).</summary>
public sealed record KeyResults(KeyMatch Match, MetricChoice? Metric, int Runs, IReadOnlyList<ValueResult> Values)
{
    /// <summary>The value whose best run did best by the main metric; null without a metric.</summary>
    public ValueResult? BestValue => Metric is null
        ? null
        : Values.Where(v => v.Best is { } b && !double.IsNaN(b))
            .OrderBy(v => Metric.HigherIsBetter ? -v.Best!.Value : v.Best!.Value)
            .FirstOrDefault();

    /// <summary>The result for the value as the config writes it: numbers compare as numbers ("1e-3" finds 0.001),
    /// text case-blind as filters compare it. Null when no run used it.</summary>
    public ValueResult? Find(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var number = ParamNumber.Parse(value);
        return number is { } n
            ? Values.FirstOrDefault(v => v.Number == n)
            : Values.FirstOrDefault(v => v.Number is null && string.Equals(v.Text, value.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
