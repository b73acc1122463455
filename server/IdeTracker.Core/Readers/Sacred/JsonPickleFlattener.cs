using System.Globalization;
using System.Text.Json;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Turns JSON that Sacred wrote through jsonpickle into dotted params, in file order: mappings give
/// "a.b", lists "a.0", scalars their text as written (numbers as in the file, true/false/null as JSON spells
/// them, NaN/Infinity as Python does). jsonpickle's objects are flattened as the value they stand for:
/// <list type="bullet">
/// <item>py/tuple, py/set, py/seq, py/iterator: a list;</item>
/// <item>a numpy scalar ({"py/object": "numpy.float64", "value": 0.5}): its value; a numpy array stored as a list
/// ("values": […]): that list; one stored as bytes: "numpy.ndarray &lt;dtype&gt; &lt;shape&gt;";</item>
/// <item>any other py/object: its fields (py/state when it has one) under its key, or the class name when it has none;</item>
/// <item>py/reduce (and an object's __reduce__): the state when there is one, else the arguments (a single one
/// stands for the value itself), else the name of the callable;</item>
/// <item>py/type, py/function, py/mod: the name; py/repr: the text after the module; py/b64, py/bytes: the encoded
/// text; py/id (a reference to an object written earlier): "py/id N";</item>
/// <item>keys "json://…" (dictionary keys that were not strings): the key as written in Python.</item>
/// </list>
/// Bounded: deeper than <see cref="MaxDepth"/> a value is kept as its JSON text, texts are cut at
/// <see cref="MaxTextLength"/>, and at most <see cref="MaxParams"/> params are written.</summary>
internal sealed class JsonPickleFlattener
{
    public const int MaxDepth = 32;
    public const int MaxParams = 10_000;
    public const int MaxTextLength = 1_000;

    private readonly List<KeyValuePair<string, string>> _into;
    private bool _full;

    private JsonPickleFlattener(List<KeyValuePair<string, string>> into) => _into = into;

    /// <summary>Flattens the fields of a JSON object. Returns a message when the value is not an object or
    /// the params had to be cut short.</summary>
    public static string? FlattenObject(JsonElement root, List<KeyValuePair<string, string>> into)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "is not a mapping of names to values; no params read";
        }

        var flattener = new JsonPickleFlattener(into);
        flattener.Fields("", root, 0);
        return flattener._full ? $"holds more than {MaxParams:N0} values; the rest are not read" : null;
    }

    /// <summary>Flattens one value under <paramref name="key"/> (the value itself when it is a scalar).</summary>
    public static void FlattenValue(string key, JsonElement value, List<KeyValuePair<string, string>> into) =>
        new JsonPickleFlattener(into).Value(key, value, 0);

    /// <summary>A scalar's text as a param shows it; a list or mapping as compact JSON, cut short.</summary>
    public static string TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Shorten(value.GetString()!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => Shorten(value.GetRawText()),
    };

    private void Value(string key, JsonElement value, int depth)
    {
        if (_full)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            Write(key, TextOf(value));
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object when JsonPickle.TryGetItems(value, out var items):
                List(key, items, depth);
                break;
            case JsonValueKind.Object when JsonPickle.IsPickled(value):
                Pickled(key, value, depth);
                break;
            case JsonValueKind.Object:
                if (!Fields(key, value, depth) && key.Length > 0)
                {
                    Write(key, "{}");
                }

                break;
            case JsonValueKind.Array:
                List(key, value, depth);
                break;
            default:
                Write(key, TextOf(value));
                break;
        }
    }

    /// <summary>False when the object has no fields to write.</summary>
    private bool Fields(string prefix, JsonElement value, int depth)
    {
        var any = false;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name.StartsWith(JsonPickle.Marker, StringComparison.Ordinal) || property.Name == JsonPickle.ObjectReduceKey)
            {
                continue;
            }

            any = true;
            Value(Join(prefix, JsonPickle.KeyText(property.Name)), property.Value, depth + 1);
        }

        return any;
    }

    private void List(string key, JsonElement array, int depth)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            Value(Join(key, index.ToString(CultureInfo.InvariantCulture)), item, depth + 1);
            index++;
        }

        if (index == 0)
        {
            Write(key, "[]");
        }
    }

    private void Pickled(string key, JsonElement value, int depth)
    {
        if (NameOf(value) is { } name)
        {
            Write(key, name);
            return;
        }

        if (value.TryGetProperty(JsonPickle.ReduceKey, out var reduce))
        {
            Reduce(key, reduce, depth);
            return;
        }

        var type = value.TryGetProperty(JsonPickle.ObjectKey, out var t) ? TextOf(t) : "object";
        if (value.TryGetProperty("value", out var scalar) && type.StartsWith("numpy.", StringComparison.Ordinal))
        {
            Value(key, scalar, depth + 1);
        }
        else if (value.TryGetProperty("values", out var stored) && stored.ValueKind == JsonValueKind.String)
        {
            var dtype = value.TryGetProperty("dtype", out var d) ? " " + TextOf(d) : "";
            var shape = value.TryGetProperty("shape", out var s) && JsonPickle.TryGetItems(s, out var dims) ? " " + TextOf(dims) : "";
            Write(key, type + dtype + shape);
        }
        else if (value.TryGetProperty(JsonPickle.StateKey, out var state))
        {
            Value(key, state, depth + 1);
        }
        else if (value.TryGetProperty(JsonPickle.ObjectReduceKey, out var objectReduce))
        {
            Reduce(key, objectReduce, depth);
        }
        else if (!Fields(key, value, depth))
        {
            Write(key, type);
        }
    }

    /// <summary>[callable, args, state, …] as jsonpickle writes what __reduce__ returned.</summary>
    private void Reduce(string key, JsonElement reduce, int depth)
    {
        if (reduce.ValueKind != JsonValueKind.Array)
        {
            Value(key, reduce, depth + 1);
            return;
        }

        var parts = reduce.EnumerateArray().ToList();
        if (parts.Count > 2 && parts[2].ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            Value(key, parts[2], depth + 1);
            return;
        }

        if (parts.Count > 1 && JsonPickle.TryGetItems(parts[1], out var args) && args.GetArrayLength() > 0)
        {
            if (args.GetArrayLength() == 1)
            {
                Value(key, args[0], depth + 1);
            }
            else
            {
                List(key, args, depth);
            }

            return;
        }

        Write(key, parts.Count > 0 ? NameOf(parts[0]) ?? TextOf(parts[0]) : "[]");
    }

    /// <summary>The text of the jsonpickle objects that name something rather than hold values.</summary>
    private static string? NameOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var key in (string[])["py/type", "py/function", "py/mod", "py/b64", "py/bytes"])
        {
            if (value.TryGetProperty(key, out var name))
            {
                return TextOf(name);
            }
        }

        if (value.TryGetProperty("py/repr", out var repr))
        {
            var text = TextOf(repr);
            var slash = text.IndexOf('/');
            return slash < 0 ? text : text[(slash + 1)..];
        }

        return value.TryGetProperty("py/id", out var id) ? "py/id " + TextOf(id) : null;
    }

    private void Write(string key, string text)
    {
        if (_into.Count >= MaxParams)
        {
            _full = true;
            return;
        }

        _into.Add(new(key, text));
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static string Shorten(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";
}
