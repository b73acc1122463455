namespace IdeTracker.Core.Model;

/// <summary>A non-scalar series of a run (TensorBoard images or histograms, W&amp;B media): what it is and how
/// many points it has, never its content. <see cref="Kind"/> is a lower-case word: image, histogram, audio,
/// text, tensor, graph, table, other.</summary>
public sealed record RunMedia(string Tag, string Kind, long Count, long LastStep);
