namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Config values from the log (JSON text per key) as params: nested dicts and lists flattened to
/// dotted keys ("optimizer.lr", "layers.0"), the way config.yaml's values are.</summary>
internal static class JsonParams
{
    public const int MaxParams = 10_000;

    public static void Add(string key, string valueJson, Dictionary<string, string> into)
    {
        var json = LenientJson.Parse(System.Text.Encoding.UTF8.GetBytes(valueJson));
        if (json is null)
        {
            // Not JSON after all: the text is still the best account of the value.
            Put(key, valueJson, into);
            return;
        }

        Flatten(key, json, into);
    }

    private static void Flatten(string key, JsonValue json, Dictionary<string, string> into)
    {
        switch (json.Kind)
        {
            case JsonKind.Object when json.Members.Count > 0:
                foreach (var (name, member) in json.Members)
                {
                    Flatten(key + "." + name, member, into);
                }

                break;
            case JsonKind.Array when json.Items.Count > 0:
                for (var i = 0; i < json.Items.Count; i++)
                {
                    Flatten(key + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), json.Items[i], into);
                }

                break;
            default:
                Put(key, json.ScalarText(), into);
                break;
        }
    }

    private static void Put(string key, string value, Dictionary<string, string> into)
    {
        if (into.Count < MaxParams || into.ContainsKey(key))
        {
            into[key] = value;
        }
    }
}
