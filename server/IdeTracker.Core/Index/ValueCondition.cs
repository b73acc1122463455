namespace IdeTracker.Core.Index;

/// <summary>A key of a config file and the value it sets there, as the index is asked about it.</summary>
public sealed record ValueCondition(ValueSource Source, string Key, string Value);
