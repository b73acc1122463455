using System.Security.Cryptography;
using System.Text;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Speech.Models;

/// <summary>Checks a model file before anything loads it: it exists, has the expected size (when known),
/// starts with the ggml magic, and hashes to the expected SHA-1 (when known). Cheap checks come first so a
/// wrong file is named without reading all of it.</summary>
public static class ModelVerifier
{
    /// <summary>"lmgg": the little-endian uint32 0x67676d6c whisper.cpp writes first and checks on load.</summary>
    public static ReadOnlySpan<byte> GgmlMagic => "lmgg"u8;

    public static async Task<ModelVerification> VerifyAsync(string path, WhisperModel expected, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return ModelVerification.Invalid(path, ModelProblem.Missing, "no such file.");
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
            if (expected.SizeBytes is { } size && stream.Length != size)
            {
                return ModelVerification.Invalid(path, ModelProblem.WrongSize,
                    $"is {Labels.Count(stream.Length, "byte")}, expected {Labels.Count(size, "byte")} (an incomplete download or a different model).");
            }

            var head = new byte[GgmlMagic.Length];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < head.Length || !head.AsSpan().SequenceEqual(GgmlMagic))
            {
                return ModelVerification.Invalid(path, ModelProblem.NotGgml, read == 0
                    ? "not a ggml file: it is empty."
                    : $"not a ggml file: starts with '{Printable(head.AsSpan(0, read))}'.");
            }

            if (expected.Sha1 is { } sha1)
            {
                stream.Position = 0;
                var actual = Convert.ToHexStringLower(await SHA1.HashDataAsync(stream, cancellationToken));
                if (!string.Equals(actual, sha1, StringComparison.OrdinalIgnoreCase))
                {
                    return ModelVerification.Invalid(path, ModelProblem.WrongChecksum,
                        $"SHA-1 is {actual}, expected {sha1.ToLowerInvariant()} (corrupted or a different model).");
                }
            }

            return ModelVerification.Valid(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return ModelVerification.Invalid(path, ModelProblem.Unreadable, $"cannot be read: {error.Message}");
        }
    }

    /// <summary>Bytes as a person can read them: printable ASCII as is, the rest as <c>\xNN</c>.</summary>
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7f and not (byte)'\\' and not (byte)'\'')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(@"\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
