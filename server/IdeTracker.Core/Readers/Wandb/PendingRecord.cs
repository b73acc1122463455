using System.Buffers;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>The pieces of a record split across blocks (FIRST, MIDDLE…) read so far, waiting for its LAST.
/// A record larger than <see cref="MaxBytes"/> is not kept: its pieces are counted and dropped.</summary>
internal sealed class PendingRecord
{
    /// <summary>W&amp;B's records are a few KB; a table or config of this size is not something we read.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>A buffer grown past this by a large record is let go once the record is complete: the state
    /// of a live run may be kept for long between reads.</summary>
    private const int KeptCapacity = 1024 * 1024;

    private ArrayBufferWriter<byte> _bytes = new();

    /// <summary>Byte offset of the FIRST piece; -1 when no record is pending.</summary>
    public long Start { get; private set; } = -1;

    public bool IsPending => Start >= 0;

    /// <summary>The record outgrew <see cref="MaxBytes"/>: its remaining pieces are dropped.</summary>
    public bool TooLarge { get; private set; }

    public long Length { get; private set; }

    public ReadOnlySpan<byte> Bytes => _bytes.WrittenSpan;

    public void Begin(long offset)
    {
        Start = offset;
        Length = 0;
        TooLarge = false;
        _bytes.ResetWrittenCount();
    }

    public void Append(ReadOnlySpan<byte> piece)
    {
        Length += piece.Length;
        if (TooLarge || Length > MaxBytes)
        {
            TooLarge = true;
            _bytes.ResetWrittenCount();
            return;
        }

        _bytes.Write(piece);
    }

    public void Clear()
    {
        Start = -1;
        Length = 0;
        TooLarge = false;
        if (_bytes.Capacity > KeptCapacity)
        {
            _bytes = new ArrayBufferWriter<byte>();
        }
        else
        {
            _bytes.ResetWrittenCount();
        }
    }
}
