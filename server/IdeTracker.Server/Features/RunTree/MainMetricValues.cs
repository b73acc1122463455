using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>The main metric of a run as a labelled value ("val_acc 0.934"): never a bare number.</summary>
public static class MainMetricValues
{
    public static MetricValue? Of(MetricChoice? choice, MetricSummary? summary) =>
        choice is null || summary is null
            ? null
            : new MetricValue(choice.Key, summary.Last, choice.HigherIsBetter, $"{choice.Key} {Labels.Metric(summary.Last)}");
}
