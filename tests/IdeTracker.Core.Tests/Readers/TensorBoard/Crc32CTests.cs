using System.Buffers.Binary;
using System.Text;
using IdeTracker.Core.Readers.TensorBoard;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

public sealed class Crc32CTests
{
    // CRC-32C check value of "123456789" and the iSCSI test vectors of RFC 3720, appendix B.4.
    public static TheoryData<byte[], uint> Vectors => new()
    {
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283 },
        { new byte[32], 0x8A9136AA },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43 },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794E },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5C },
        { [], 0 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Matches_the_published_check_values(byte[] data, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(data));
        Assert.Equal(expected, Crc32C.ComputeWithTables(data));
    }

    [Fact]
    public void The_instruction_and_the_tables_agree_at_every_length_and_alignment()
    {
        var random = new Random(7);
        var data = new byte[300];
        random.NextBytes(data);
        for (var start = 0; start < 9; start++)
        {
            for (var length = 0; start + length <= data.Length; length += 7)
            {
                var span = data.AsSpan(start, length);
                Assert.Equal(Crc32C.ComputeWithTables(span), Crc32C.Compute(span));
            }
        }
    }

    [Fact]
    public void The_masked_crc_of_a_real_records_length_is_the_one_stored_after_it()
    {
        var file = Directory.GetFiles(Corpus.PathOf("tensorboard", "ifood-2019", "lightning_logs", "version_3"), "events.out.tfevents.*").Single();
        var head = File.ReadAllBytes(file).AsSpan(0, 12);

        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(head[8..]), Crc32C.Masked(head[..8]));
    }
}
