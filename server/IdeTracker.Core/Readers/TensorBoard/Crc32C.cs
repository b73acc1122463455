using System.Buffers.Binary;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>CRC-32C (Castagnoli), as TFRecord framing checks every length and every record with it.
/// System.IO.Hashing 10.0 has CRC-32 and CRC-64 but no CRC-32C, so it is here: the CPU's own instruction
/// (SSE4.2 on x64, the CRC extension on Arm64) where there is one, else slicing-by-8 tables.</summary>
internal static class Crc32C
{
    /// <summary>The Castagnoli polynomial, bit-reversed.</summary>
    private const uint Polynomial = 0x82F63B78;

    /// <summary>TFRecord adds this after rotating, so a CRC of data that holds CRCs does not come out trivially.</summary>
    private const uint MaskDelta = 0xA282EAD8;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(~0u, data);

    /// <summary>The masked CRC TFRecord stores after the length and after the data.</summary>
    public static uint Masked(ReadOnlySpan<byte> data) => Mask(Compute(data));

    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>The table path, whatever the CPU has: tests check it against the same vectors.</summary>
    internal static uint ComputeWithTables(ReadOnlySpan<byte> data) => ~UpdateWithTables(~0u, data);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong wide = crc;
            while (data.Length >= 8)
            {
                wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            crc = (uint)wide;
            foreach (var b in data)
            {
                crc = Sse42.Crc32(crc, b);
            }

            return crc;
        }

        if (Crc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = Crc32.Arm64.ComputeCrc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            foreach (var b in data)
            {
                crc = Crc32.ComputeCrc32C(crc, b);
            }

            return crc;
        }

        return UpdateWithTables(crc, data);
    }

    private static uint UpdateWithTables(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Table;
        while (data.Length >= 8)
        {
            var low = crc ^ BinaryPrimitives.ReadUInt32LittleEndian(data);
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
                ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>Table k gives the CRC of a byte followed by k zero bytes, so eight bytes fold in one step.</summary>
    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[n] = c;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((k - 1) * 256) + n];
                table[(k * 256) + n] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}
