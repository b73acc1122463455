namespace IdeTracker.Core.Readers.Wandb;

internal enum JsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>One value of W&amp;B's JSON, as <see cref="LenientJson"/> reads it. A number keeps the text it was
/// written as (params show "1e-05", not a reformatted double) beside its value; NaN and ±Infinity are numbers.</summary>
internal sealed class JsonValue
{
    public static readonly JsonValue Null = new(JsonKind.Null);
    public static readonly JsonValue False = new(JsonKind.False);
    public static readonly JsonValue True = new(JsonKind.True);

    private JsonValue(JsonKind kind) => Kind = kind;

    public JsonKind Kind { get; }

    /// <summary>A string's value, or a number's text as written.</summary>
    public string Text { get; private init; } = "";

    public double Number { get; private init; }

    public IReadOnlyList<JsonValue> Items { get; private init; } = [];

    /// <summary>An object's members in file order (a repeated name keeps both, as written).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; private init; } = [];

    public static JsonValue OfNumber(string text, double value) => new(JsonKind.Number) { Text = text, Number = value };

    public static JsonValue OfString(string text) => new(JsonKind.String) { Text = text };

    public static JsonValue OfArray(List<JsonValue> items) => new(JsonKind.Array) { Items = items };

    public static JsonValue OfObject(List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object) { Members = members };

    /// <summary>The last member of that name, as a JSON object reader that keeps the last duplicate would give.</summary>
    public JsonValue? this[string name]
    {
        get
        {
            for (var i = Members.Count - 1; i >= 0; i--)
            {
                if (Members[i].Key == name)
                {
                    return Members[i].Value;
                }
            }

            return null;
        }
    }

    /// <summary>A value that plots: a number, or a boolean as 0 / 1.</summary>
    public bool TryGetScalar(out double value)
    {
        value = Kind switch
        {
            JsonKind.Number => Number,
            JsonKind.True => 1,
            _ => 0,
        };
        return Kind is JsonKind.Number or JsonKind.True or JsonKind.False;
    }

    /// <summary>Text a person reads: a string unquoted, a number as written, true / false / null, {} and [] for
    /// empty containers. Non-empty containers are flattened by the caller, not shown here.</summary>
    public string ScalarText() => Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.False => "false",
        JsonKind.True => "true",
        JsonKind.Array => "[]",
        JsonKind.Object => "{}",
        _ => Text,
    };
}
