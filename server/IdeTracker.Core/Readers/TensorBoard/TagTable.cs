using System.IO.Hashing;
using System.Text;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>The tags of one run, found by their UTF-8 bytes so the hot path never makes a string: a tag's
/// text is decoded once, when it is first seen. Keeps first-seen order, which is the order metrics are listed in.</summary>
internal sealed class TagTable
{
    /// <summary>A run with more distinct tags than this is garbage or a logging bug; the rest are not kept.</summary>
    public const int MaxTags = 100_000;

    private readonly Dictionary<ulong, TagState> _byHash = [];
    private readonly List<TagState> _inOrder = [];
    private TagState? _last;

    public IReadOnlyList<TagState> InOrder => _inOrder;

    /// <summary>The tag's state, created on first sight; null once <see cref="MaxTags"/> are known and this is a new one.</summary>
    public TagState? GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        // Writers often log one tag many times in a row (or alternate few): check the last one first.
        if (_last is not null && utf8.SequenceEqual(_last.Utf8))
        {
            return _last;
        }

        var hash = XxHash3.HashToUInt64(utf8);
        _byHash.TryGetValue(hash, out var first);
        for (var s = first; s is not null; s = s.NextWithSameHash)
        {
            if (utf8.SequenceEqual(s.Utf8))
            {
                return _last = s;
            }
        }

        if (_inOrder.Count >= MaxTags)
        {
            return null;
        }

        var added = new TagState(utf8.ToArray(), Encoding.UTF8.GetString(utf8)) { NextWithSameHash = first };
        _byHash[hash] = added;
        _inOrder.Add(added);
        return _last = added;
    }
}
