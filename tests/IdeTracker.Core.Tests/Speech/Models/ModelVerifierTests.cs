using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Models;

public sealed class ModelVerifierTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task A_good_file_is_valid()
    {
        var bytes = TestModelFiles.Ggml(200_000);
        var path = Write(bytes);

        var result = await ModelVerifier.VerifyAsync(path, TestModelFiles.EntryFor(bytes), CancellationToken.None);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(ModelProblem.None, result.Problem);
    }

    [Fact]
    public async Task Unknown_size_and_checksum_leave_only_the_magic_to_check()
    {
        var path = Write(TestModelFiles.Ggml(1000));

        var result = await ModelVerifier.VerifyAsync(path, new WhisperModel("test", "x.bin", null, null), CancellationToken.None);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var path = folder.Combine("absent.bin");

        var result = await ModelVerifier.VerifyAsync(path, WhisperModels.TinyEn, CancellationToken.None);

        Assert.Equal(ModelProblem.Missing, result.Problem);
        Assert.Equal($"{path}: no such file.", result.Message);
    }

    [Fact]
    public async Task A_file_of_the_wrong_size_says_both_sizes()
    {
        var bytes = TestModelFiles.Ggml(1234);
        var path = Write(bytes);

        var result = await ModelVerifier.VerifyAsync(path, TestModelFiles.EntryFor(bytes) with { SizeBytes = 5678 }, CancellationToken.None);

        Assert.Equal(ModelProblem.WrongSize, result.Problem);
        Assert.Equal($"{path}: is 1,234 bytes, expected 5,678 bytes (an incomplete download or a different model).", result.Message);
    }

    [Fact]
    public async Task A_zip_is_not_a_ggml_file_and_its_first_bytes_are_shown()
    {
        var bytes = TestModelFiles.Ggml(1000);
        "PK\x03\x04"u8.CopyTo(bytes);
        var path = Write(bytes);

        var result = await ModelVerifier.VerifyAsync(path, TestModelFiles.EntryFor(bytes), CancellationToken.None);

        Assert.Equal(ModelProblem.NotGgml, result.Problem);
        Assert.Equal($@"{path}: not a ggml file: starts with 'PK\x03\x04'.", result.Message);
    }

    [Fact]
    public async Task A_big_endian_magic_is_not_taken_for_ggml()
    {
        var bytes = TestModelFiles.Ggml(1000);
        "ggml"u8.CopyTo(bytes);
        var path = Write(bytes);

        var result = await ModelVerifier.VerifyAsync(path, new WhisperModel("test", "x.bin", null, null), CancellationToken.None);

        Assert.Equal(ModelProblem.NotGgml, result.Problem);
        Assert.EndsWith("starts with 'ggml'.", result.Message);
    }

    [Fact]
    public async Task Empty_and_too_short_files_are_not_ggml()
    {
        var empty = Write([]);
        var shortFile = Write("lm"u8.ToArray(), "short.bin");
        var unknown = new WhisperModel("test", "x.bin", null, null);

        var emptyResult = await ModelVerifier.VerifyAsync(empty, unknown, CancellationToken.None);
        var shortResult = await ModelVerifier.VerifyAsync(shortFile, unknown, CancellationToken.None);

        Assert.Equal($"{empty}: not a ggml file: it is empty.", emptyResult.Message);
        Assert.Equal($"{shortFile}: not a ggml file: starts with 'lm'.", shortResult.Message);
    }

    [Fact]
    public async Task One_changed_byte_fails_the_checksum()
    {
        var bytes = TestModelFiles.Ggml(300_000);
        var expected = TestModelFiles.EntryFor(bytes);
        bytes[250_000] ^= 1;
        var path = Write(bytes);

        var result = await ModelVerifier.VerifyAsync(path, expected, CancellationToken.None);

        Assert.Equal(ModelProblem.WrongChecksum, result.Problem);
        Assert.Equal($"{path}: SHA-1 is {TestModelFiles.Sha1Of(bytes)}, expected {expected.Sha1} (corrupted or a different model).", result.Message);
    }

    [Fact]
    public async Task An_upper_case_expected_checksum_still_matches()
    {
        var bytes = TestModelFiles.Ggml(1000);
        var path = Write(bytes);

        var result = await ModelVerifier.VerifyAsync(path, TestModelFiles.EntryFor(bytes) with { Sha1 = TestModelFiles.Sha1Of(bytes).ToUpperInvariant() },
            CancellationToken.None);

        Assert.True(result.IsValid, result.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4b, 0x03, 0x04 }, @"PK\x03\x04")]
    [InlineData(new byte[] { 0x27, 0x5c, 0x7f, 0x41 }, @"\x27\x5C\x7FA")]
    public void Leading_bytes_print_readably(byte[] bytes, string expected) =>
        Assert.Equal(expected, ModelVerifier.Printable(bytes));

    private string Write(byte[] bytes, string name = "model.bin")
    {
        var path = folder.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => folder.Dispose();
}
