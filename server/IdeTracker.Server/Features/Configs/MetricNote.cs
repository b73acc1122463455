using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The line every card and tooltip ends with: which metric judged the runs, which way is better, and
/// whether the user chose it or it was inferred, so no number is read against the wrong metric.</summary>
public static class MetricNote
{
    public const string Setting = "ideTracker.primaryMetric";

    public static string Markdown(MetricChoice? metric)
    {
        if (metric is null)
        {
            return $"_No main metric: no run reports a metric whose name says which way is better, so only counts are shown. Set `{Setting}` to choose one._";
        }

        var origin = metric.Configured
            ? $"set in `{Setting}`"
            : $"inferred from the metric names; set `{Setting}` to choose";
        return $"_Main metric **{MarkdownText.Escape(metric.Key)}**, {Direction(metric)} ({origin})._";
    }

    public static string Direction(MetricChoice metric) => metric.HigherIsBetter ? "higher is better" : "lower is better";
}
