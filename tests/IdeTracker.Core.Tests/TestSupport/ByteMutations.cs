namespace IdeTracker.Core.Tests.TestSupport;

/// <summary>Damages a file's bytes the ways disks, editors and half-finished writes do: cut at an offset, bytes
/// flipped, format punctuation dropped in, garbage spliced in, ranges removed or repeated. Seeded, so a failure
/// names the case that made it.</summary>
public static class ByteMutations
{
    /// <summary>Text formats: the third kind of edit drops one of the format's <paramref name="punctuation"/> bytes in.</summary>
    public static byte[] Mutate(byte[] original, Random random, byte[] punctuation) =>
        Mutate(original, random, (bytes, at, r) => bytes[at] = punctuation[r.Next(punctuation.Length)]);

    /// <summary><paramref name="formatDamage"/> is the third kind of edit, at an offset: what the format is most
    /// fragile to (a byte that keeps a varint going, a run of zeros where a record should be).</summary>
    public static byte[] Mutate(byte[] original, Random random, Action<List<byte>, int, Random> formatDamage)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes[at] ^= (byte)random.Next(1, 256);
                    break;
                case 2:
                    formatDamage(bytes, at, random);
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                    bytes.RemoveRange(at, random.Next(1, Math.Min(200, bytes.Count - at) + 1));
                    break;
                default:
                    var length = random.Next(1, Math.Min(400, bytes.Count - at) + 1);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>1-based number of lines a problem may point at in a file: one past the last newline included.</summary>
    public static int LineCount(byte[] bytes) => bytes.Count(b => b == (byte)'\n') + 1;
}
