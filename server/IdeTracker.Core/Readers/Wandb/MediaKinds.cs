namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Maps the "_type" W&amp;B stores in a logged media value ("image-file", "table-file", "histogram",
/// "audio-file", "images/separated", …) to the media kinds of the run model.</summary>
internal static class MediaKinds
{
    public static string Of(string wandbType)
    {
        var type = wandbType.ToLowerInvariant();
        return type switch
        {
            _ when type.Contains("image", StringComparison.Ordinal) => "image",
            _ when type.Contains("table", StringComparison.Ordinal) => "table",
            _ when type.Contains("histogram", StringComparison.Ordinal) => "histogram",
            _ when type.Contains("audio", StringComparison.Ordinal) => "audio",
            _ when type.Contains("html", StringComparison.Ordinal) => "text",
            _ when type.Contains("graph", StringComparison.Ordinal) || type.Contains("plotly", StringComparison.Ordinal) => "graph",
            _ => "other",
        };
    }
}
