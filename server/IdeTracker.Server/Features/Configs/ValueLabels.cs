namespace IdeTracker.Server.Features.Configs;

/// <summary>A config value or run name as a label shows it: as written, empty text made visible, and long text
/// cut so one odd value cannot widen a lens or a table. Plain text: Markdown callers still escape it.</summary>
public static class ValueLabels
{
    public const int MaxLength = 40;

    public static string Show(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        if (text.Length == 0)
        {
            return "\"\"";
        }

        var oneLine = text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        return oneLine.Length > MaxLength ? oneLine[..(MaxLength - 1)] + "…" : oneLine;
    }
}
