using System.Text;

namespace IdeTracker.Core.Speech.Synthetic;

/// <summary>Made-up token text for a synthetic model: the printable ASCII characters first (so any prompt can be
/// tokenized), then syllable pairs with and without a leading space, up to the end-of-text id. whisper.cpp names the
/// special and timestamp tokens after that itself.</summary>
internal static class SyntheticVocabulary
{
    /// <summary>The number of text tokens written: ids below whisper.cpp's end-of-text token (50256).</summary>
    public const int TextTokens = 50256;

    private static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "tr", "pl", "gr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ou"];

    public static IEnumerable<byte[]> Tokens()
    {
        var count = 0;
        for (var c = 0x20; c < 0x7f && count < TextTokens; c++, count++)
        {
            yield return [(byte)c];
        }

        var syllables = Onsets.SelectMany(o => Vowels.Select(v => o + v)).ToArray();
        foreach (var prefix in new[] { " ", "" })
        {
            foreach (var first in syllables)
            {
                foreach (var second in syllables.Prepend(""))
                {
                    if (count++ >= TextTokens)
                    {
                        yield break;
                    }

                    yield return Encoding.ASCII.GetBytes(prefix + first + second);
                }
            }
        }

        for (var n = 0; count < TextTokens; n++, count++)
        {
            yield return Encoding.ASCII.GetBytes($" zz{n}");
        }
    }
}
