namespace IdeTracker.Core.Readers.Wandb;

/// <summary>A media key of the history while it is read: its kind (from the first value's "_type"), how
/// many rows logged it and the step of the last.</summary>
internal sealed class MediaSeries(string kind)
{
    public string Kind { get; } = kind;

    public long Count { get; set; }

    public long LastStep { get; set; }
}
