using System.Security.Cryptography;
using IdeTracker.Core.Speech.Models;

namespace IdeTracker.Core.Tests.Speech.Models;

/// <summary>Generated stand-ins for model files: random bytes after the ggml magic, and a test-only catalog
/// entry carrying their real SHA-1 and size.</summary>
public static class TestModelFiles
{
    public const string FileName = "ggml-test.bin";

    public static byte[] Ggml(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        "lmgg"u8.CopyTo(bytes);
        return bytes;
    }

    public static string Sha1Of(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));

    /// <summary>A catalog entry whose size and checksum are those of <paramref name="bytes"/>.</summary>
    public static WhisperModel EntryFor(byte[] bytes, bool withSize = true) =>
        new("test", FileName, withSize ? bytes.Length : null, Sha1Of(bytes));
}
