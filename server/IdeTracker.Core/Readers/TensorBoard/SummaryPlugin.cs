namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>What a tag's SummaryMetadata says its values are, from the plugin name (and, for scalars, the
/// data class newer writers set as well).</summary>
internal enum SummaryPlugin
{
    /// <summary>No metadata seen yet for the tag, or metadata without a plugin name.</summary>
    None,
    Scalars,
    Hparams,
    Images,
    Histograms,
    Audio,
    Text,

    /// <summary>Any other plugin (pr_curves, mesh, custom_scalars, …): listed as media of kind "other".</summary>
    Other,
}

internal static class SummaryPlugins
{
    /// <summary>SummaryMetadata.DataClass DATA_CLASS_SCALAR.</summary>
    private const ulong ScalarDataClass = 1;

    public static SummaryPlugin From(ReadOnlySpan<byte> pluginName, ulong dataClass)
    {
        if (pluginName.SequenceEqual("scalars"u8) || (pluginName.IsEmpty && dataClass == ScalarDataClass))
        {
            return SummaryPlugin.Scalars;
        }

        if (pluginName.IsEmpty)
        {
            return SummaryPlugin.None;
        }

        return pluginName switch
        {
            _ when pluginName.SequenceEqual("hparams"u8) => SummaryPlugin.Hparams,
            _ when pluginName.SequenceEqual("images"u8) => SummaryPlugin.Images,
            _ when pluginName.SequenceEqual("histograms"u8) => SummaryPlugin.Histograms,
            _ when pluginName.SequenceEqual("audio"u8) => SummaryPlugin.Audio,
            _ when pluginName.SequenceEqual("text"u8) => SummaryPlugin.Text,
            _ => SummaryPlugin.Other,
        };
    }

    /// <summary>The <see cref="Model.RunMedia.Kind"/> of a tensor value under this plugin. A tensor without any
    /// plugin is a plain tensor.</summary>
    public static string MediaKind(SummaryPlugin plugin) => plugin switch
    {
        SummaryPlugin.Images => "image",
        SummaryPlugin.Histograms => "histogram",
        SummaryPlugin.Audio => "audio",
        SummaryPlugin.Text => "text",
        SummaryPlugin.None => "tensor",
        _ => "other",
    };
}
