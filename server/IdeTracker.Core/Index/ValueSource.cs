namespace IdeTracker.Core.Index;

/// <summary>Where a run keeps the value of a key a config file sets: its params, or its tags (Hydra's group choices).</summary>
public enum ValueSource
{
    Param,
    Tag,
}
