using System.Text.Json;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>What Sacred's JSON files hold beyond plain JSON. Sacred writes run.json, config.json, info.json and
/// metrics.json through jsonpickle (sacred.serializer.flatten: jsonpickle.encode(obj, keys=True), with jsonpickle's
/// numpy handlers registered), so a tuple is {"py/tuple": […]}, a numpy scalar {"py/object": "numpy.float64",
/// "dtype": …, "value": 0.5}, a small numpy array {"py/object": "numpy.ndarray", "values": […]} (16 elements or
/// more: "values" is base64 of the compressed bytes), and a dictionary key that is not a string "json://" + its JSON.</summary>
internal static class JsonPickle
{
    public const string Marker = "py/";
    public const string ObjectKey = "py/object";
    public const string ReduceKey = "py/reduce";
    public const string StateKey = "py/state";
    public const string ObjectReduceKey = "__reduce__";

    private const string JsonKeyPrefix = "json://";

    private static readonly string[] ListKeys = ["py/tuple", "py/set", "py/seq", "py/iterator"];

    /// <summary>A dictionary key as written in Python: "json://1" was the integer key 1.</summary>
    public static string KeyText(string key)
    {
        if (!key.StartsWith(JsonKeyPrefix, StringComparison.Ordinal))
        {
            return key;
        }

        var json = key[JsonKeyPrefix.Length..];
        return json.Length >= 2 && json[0] == '"' && json[^1] == '"' ? json[1..^1] : json;
    }

    /// <summary>True for an object carrying jsonpickle markers (py/…), which stands for a Python value, not a mapping.</summary>
    public static bool IsPickled(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith(Marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The list a value stands for: a JSON array, a tuple, set or sequence, or a numpy array stored as a list.</summary>
    public static bool TryGetItems(JsonElement element, out JsonElement array)
    {
        array = element;
        if (element.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var key in ListKeys)
        {
            if (element.TryGetProperty(key, out array) && array.ValueKind == JsonValueKind.Array)
            {
                return true;
            }
        }

        return element.TryGetProperty(ObjectKey, out _)
            && element.TryGetProperty("values", out array)
            && array.ValueKind == JsonValueKind.Array;
    }

    /// <summary>A number, a named number Python wrote (NaN, Infinity), or a numpy scalar.</summary>
    public static bool TryGetNumber(JsonElement element, out double value)
    {
        if (PythonJson.TryGetNumber(element, out value))
        {
            return true;
        }

        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(ObjectKey, out var type)
            && type.ValueKind == JsonValueKind.String
            && type.GetString()!.StartsWith("numpy.", StringComparison.Ordinal)
            && element.TryGetProperty("value", out var inner)
            && PythonJson.TryGetNumber(inner, out value);
    }

    /// <summary>Every item of a list as a number, or false when the value is not a non-empty list of numbers.</summary>
    public static bool TryGetNumbers(JsonElement element, List<double> into)
    {
        into.Clear();
        if (!TryGetItems(element, out var array))
        {
            return false;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (!TryGetNumber(item, out var value))
            {
                into.Clear();
                return false;
            }

            into.Add(value);
        }

        return into.Count > 0;
    }
}
