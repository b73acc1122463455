namespace IdeTracker.Core.Index;

/// <summary>Receives one stored series as <see cref="IndexStore.ForEachSeriesBlob"/> reads it; <paramref name="blob"/>
/// is reused for the next one.</summary>
public delegate void SeriesBlobVisitor(string runId, string key, ReadOnlySpan<byte> blob);
