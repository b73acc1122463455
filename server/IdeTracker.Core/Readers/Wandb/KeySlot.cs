using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

internal enum KeyRole
{
    Metric,
    Step,
    Timestamp,
    Runtime,

    /// <summary>W&amp;B's own bookkeeping ("_wandb"): neither a metric nor a fact we use.</summary>
    Internal,
}

/// <summary>A history key seen before: its UTF-8 bytes (to recognise it again without decoding), its role and,
/// once it has had a scalar value, its series.</summary>
internal sealed class KeySlot(byte[] utf8, string key, KeyRole role)
{
    public byte[] Utf8 { get; } = utf8;

    public string Key { get; } = key;

    public KeyRole Role { get; } = role;

    public List<MetricPoint>? Series { get; set; }

    public static KeyRole RoleOf(string key) => key switch
    {
        "_step" => KeyRole.Step,
        "_timestamp" => KeyRole.Timestamp,
        "_runtime" => KeyRole.Runtime,
        "_wandb" => KeyRole.Internal,
        _ => KeyRole.Metric,
    };
}
