namespace IdeTracker.Core.Speech.Audio;

/// <summary>Names for the format tags people actually meet, so "unsupported format" says what the file is.</summary>
internal static class WavFormatNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0x0001] = "PCM",
        [0x0002] = "Microsoft ADPCM",
        [0x0003] = "IEEE float",
        [0x0006] = "A-law",
        [0x0007] = "µ-law",
        [0x0011] = "IMA ADPCM",
        [0x0031] = "GSM 6.10",
        [0x0050] = "MPEG",
        [0x0055] = "MP3",
        [0x00FF] = "AAC",
        [0x1610] = "HE-AAC",
        [0x2000] = "AC-3",
        [0x674F] = "Ogg Vorbis",
        [0x6750] = "Ogg Vorbis",
        [0x6751] = "Ogg Vorbis",
        [0xF1AC] = "FLAC",
        [0xFFFE] = "extensible",
    };

    public static string Describe(int tag) => Names.TryGetValue(tag, out var name) ? name : "unknown";
}
