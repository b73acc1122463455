using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>Text cut into the words a name is compared by: lower case, split at anything that is not a letter or
/// digit and where letters meet digits (<c>run-7</c>, <c>run_07</c>, <c>Run 7</c> and <c>run7</c> are all
/// "run 7"), leading zeros dropped, and spoken numbers read as digits ("run seven", "twenty one" → 21).</summary>
public static class SpokenWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The words of a run or experiment name, as written.</summary>
    public static IReadOnlyList<string> OfName(string text) => [.. Split(text).Select(TrimZeros)];

    /// <summary><see cref="OfName"/>'s words joined by single spaces and how many there are, built in one pass over
    /// <paramref name="name"/> into <paramref name="buffer"/> (reused: the linker keys every run of a workspace).</summary>
    public static (string Key, int Words) KeyOfName(string name, StringBuilder buffer)
    {
        buffer.Clear();
        var words = 0;
        var wordStart = -1;
        var previous = '\0';
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (!char.IsLetterOrDigit(c))
            {
                previous = '\0';
                continue;
            }

            var digit = char.IsDigit(c);
            var startsWord = previous == '\0' || digit != char.IsDigit(previous);
            if (startsWord)
            {
                if (words > 0)
                {
                    buffer.Append(' ');
                }

                words++;
                wordStart = buffer.Length;
            }
            else if (digit && buffer.Length == wordStart + 1 && buffer[wordStart] == '0')
            {
                // A leading zero of a number: "07" is "7".
                buffer.Length = wordStart;
            }

            buffer.Append(c);
            previous = c;
        }

        return (buffer.ToString(), words);
    }

    /// <summary>The words of something said: like <see cref="OfName"/>, with number words folded into digits.</summary>
    public static IReadOnlyList<string> OfSpeech(string text) => FoldNumbers(Split(text));

    private static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        foreach (var c in text.ToLowerInvariant())
        {
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (word.Length > 0 && char.IsDigit(c) != char.IsDigit(word[^1]))
            {
                Flush();
            }

            word.Append(c);
        }

        Flush();
        return words;
    }

    private static string TrimZeros(string word) =>
        word.Length > 1 && word.All(char.IsAsciiDigit) ? word.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0" : word;

    /// <summary>"two hundred ten" → "210", "twenty one" → "21", "seven" → "7"; other words as they are.</summary>
    private static List<string> FoldNumbers(List<string> words)
    {
        var folded = new List<string>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var (value, used) = ReadNumber(words, i);
            if (used == 0)
            {
                folded.Add(TrimZeros(words[i]));
                i++;
                continue;
            }

            folded.Add(value.ToString(CultureInfo.InvariantCulture));
            i += used;
        }

        return folded;
    }

    /// <summary>A spoken number starting at <paramref name="at"/> (below a million) and how many words it took.</summary>
    private static (long Value, int Used) ReadNumber(List<string> words, int at)
    {
        long total = 0, current = 0;
        var used = 0;
        var any = false;
        for (var i = at; i < words.Count; i++)
        {
            var word = words[i];
            if (Units.TryGetValue(word, out var unit) && (current % 100 == 0 || (current % 100 >= 20 && current % 10 == 0 && unit < 10)))
            {
                current += unit;
            }
            else if (Tens.TryGetValue(word, out var ten) && current % 100 == 0)
            {
                current += ten;
            }
            else if (word == "hundred" && any && current is > 0 and < 10)
            {
                current *= 100;
            }
            else if (word == "thousand" && any && total == 0 && current is > 0 and < 1000)
            {
                total = current * 1000;
                current = 0;
            }
            else if (word == "and" && any && i + 1 < words.Count && (Units.ContainsKey(words[i + 1]) || Tens.ContainsKey(words[i + 1])) && (current >= 100 || total > 0))
            {
                continue;
            }
            else
            {
                break;
            }

            any = true;
            used = i - at + 1;
        }

        return (total + current, used);
    }
}
