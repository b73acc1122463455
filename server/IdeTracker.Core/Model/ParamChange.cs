namespace IdeTracker.Core.Model;

/// <summary>One param that differs between two runs: <see cref="From"/> null when the later run added it,
/// <see cref="To"/> null when it dropped it.</summary>
public sealed record ParamChange(string Key, string? From, string? To)
{
    public bool Added => From is null;

    public bool Removed => To is null;
}
