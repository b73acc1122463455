namespace IdeTracker.Core.Speech.Audio;

/// <summary>A file that is not a WAV we can read, with a message that says where and why
/// (<see cref="ByteOffset"/> is the offset of the chunk or field at fault, when there is one).</summary>
public sealed class WavFormatException : Exception
{
    public WavFormatException(string message, long? byteOffset = null)
        : base(message)
    {
        ByteOffset = byteOffset;
    }

    public long? ByteOffset { get; }
}
