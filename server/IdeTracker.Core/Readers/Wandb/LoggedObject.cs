namespace IdeTracker.Core.Readers.Wandb;

/// <summary>A dict logged as one value (in a history row or the summary). One that names a "_type" is media
/// (an image, a table, a histogram…); any other is a group of values whose scalar leaves are metrics named
/// "key.leaf", as W&amp;B's own UI and API name them ("/" is left to the keys people write themselves, such as
/// "train/loss", so the two never collide).</summary>
internal static class LoggedObject
{
    public static void Visit(string key, JsonValue json, Action<string, double> onScalar, Action<string, string> onMedia)
    {
        if (json["_type"] is { Kind: JsonKind.String } type)
        {
            onMedia(key, MediaKinds.Of(type.Text));
            return;
        }

        foreach (var (name, member) in json.Members)
        {
            var leafKey = key + "." + name;
            if (member.TryGetScalar(out var number))
            {
                onScalar(leafKey, number);
            }
            else if (member.Kind == JsonKind.Object)
            {
                Visit(leafKey, member, onScalar, onMedia);
            }
        }
    }
}
