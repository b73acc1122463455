using System.Globalization;
using System.Text.Json;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>run.json's "host" (what Sacred's host-info gatherers found): hostname, os ([system, platform]),
/// python_version, cpu, gpus ({driver_version, gpus: [{model, total_memory (MiB), persistence_mode}]}), ENV (the
/// variables SETTINGS.HOST_INFO.CAPTURED_ENV asked for), and whatever custom gatherers added.</summary>
internal static class SacredHost
{
    private static readonly string[] UserVariables = ["USER", "USERNAME", "LOGNAME"];

    /// <summary>Fills <paramref name="environment"/> with lower-case keys; returns the host name and the user
    /// (from a captured USER variable: Sacred records no user of its own).</summary>
    public static (string? Host, string? User) Read(JsonElement host, Dictionary<string, string> environment)
    {
        if (host.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        string? hostName = null;
        string? user = null;
        foreach (var property in host.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "hostname":
                    hostName = Scalar(value);
                    break;
                case "os":
                    // ["Linux", "Linux-5.4.0-170-generic-x86_64-with-glibc2.31"]: the platform string says more.
                    Set(environment, "os", value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                        ? Scalar(value[value.GetArrayLength() - 1])
                        : Scalar(value));
                    break;
                case "python_version":
                    Set(environment, "python", Scalar(value));
                    break;
                case "gpus":
                    Gpus(value, environment);
                    break;
                case "ENV" when value.ValueKind == JsonValueKind.Object:
                    foreach (var variable in value.EnumerateObject())
                    {
                        Set(environment, "env." + variable.Name.ToLowerInvariant(), Scalar(variable.Value));
                        if (UserVariables.Contains(variable.Name))
                        {
                            user ??= Scalar(variable.Value);
                        }
                    }

                    break;
                default:
                    var flat = new List<KeyValuePair<string, string>>();
                    JsonPickleFlattener.FlattenValue(property.Name.ToLowerInvariant(), value, flat);
                    foreach (var (key, text) in flat)
                    {
                        Set(environment, key, text);
                    }

                    break;
            }
        }

        return (hostName, user);
    }

    /// <summary>"gpu": the model ("2 × NVIDIA A100" when there are several alike), "gpu_count", "gpu_memory" and "gpu_driver".</summary>
    private static void Gpus(JsonElement gpus, Dictionary<string, string> environment)
    {
        if (gpus.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        Set(environment, "gpu_driver", gpus.TryGetProperty("driver_version", out var driver) ? Scalar(driver) : null);
        if (!gpus.TryGetProperty("gpus", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return;
        }

        var models = new List<string>();
        var memories = new List<string>();
        foreach (var gpu in list.EnumerateArray())
        {
            if (gpu.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            models.Add(gpu.TryGetProperty("model", out var model) ? Scalar(model) ?? "?" : "?");
            if (gpu.TryGetProperty("total_memory", out var memory) && Scalar(memory) is { } mib)
            {
                memories.Add(mib + " MiB");
            }
        }

        Set(environment, "gpu", Alike(models));
        Set(environment, "gpu_count", models.Count.ToString(CultureInfo.InvariantCulture));
        Set(environment, "gpu_memory", Alike(memories));
    }

    private static string? Alike(List<string> values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ when values.Distinct(StringComparer.Ordinal).Count() == 1 => $"{values.Count} × {values[0]}",
        _ => string.Join(", ", values),
    };

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonPickleFlattener.TextOf(value),
    };

    private static void Set(Dictionary<string, string> environment, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            environment[key] = value;
        }
    }
}
