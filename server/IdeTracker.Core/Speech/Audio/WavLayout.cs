namespace IdeTracker.Core.Speech.Audio;

/// <summary>Where the samples are: <see cref="DataLength"/> is the byte count to read from <see cref="DataOffset"/>,
/// already limited to what the file holds, or null when only reading to the end of a stream can tell.</summary>
internal sealed record WavLayout(WavFormat Format, long DataOffset, long? DataLength);
