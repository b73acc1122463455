using System.Buffers.Binary;
using System.Text;

namespace IdeTracker.Core.Tests.Speech.Audio;

/// <summary>Writes WAV bytes for tests, independently of the reader: each sample encoded from a double the way the
/// format's spec says, chunks assembled by hand so a test can reorder, pad, mis-size or omit any of them.</summary>
public static class TestWav
{
    public static int BytesPerSample(SampleEncoding encoding) => encoding switch
    {
        SampleEncoding.Pcm8 => 1,
        SampleEncoding.Pcm16 => 2,
        SampleEncoding.Pcm24 => 3,
        SampleEncoding.Pcm32 or SampleEncoding.Float32 => 4,
        _ => 8,
    };

    /// <summary>How far a decoded sample may be from the value written: the format's quantisation step.</summary>
    public static double Tolerance(SampleEncoding encoding) => encoding switch
    {
        SampleEncoding.Pcm8 => 1.0 / 64,
        SampleEncoding.Pcm16 => 1.0 / 16_000,
        _ => 1e-6,
    };

    public static byte[] Build(double[] interleaved, int channels, int sampleRate, SampleEncoding encoding, bool extensible = false) =>
        Riff(Fmt(channels, sampleRate, encoding, extensible), Chunk("data", Samples(interleaved, encoding)));

    /// <summary>Frames of sine waves, channel c at <paramref name="frequency"/> × (c + 1) so channels differ.</summary>
    public static double[] Sine(double frequency, int sampleRate, int frames, int channels, double amplitude = 0.8)
    {
        var samples = new double[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                samples[(i * channels) + c] = amplitude * Math.Sin(2 * Math.PI * frequency * (c + 1) * i / sampleRate);
            }
        }

        return samples;
    }

    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        return [.. "RIFF"u8, .. UInt32(4 + (uint)body.Length), .. "WAVE"u8, .. body];
    }

    /// <summary>A chunk with its size field and, for an odd size, the pad byte RIFF requires.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        byte[] pad = body.Length % 2 == 1 ? [0] : [];
        return [.. Encoding.ASCII.GetBytes(id), .. UInt32(declaredSize ?? (uint)body.Length), .. body, .. pad];
    }

    public static byte[] Fmt(int channels, int sampleRate, SampleEncoding encoding, bool extensible = false)
    {
        var width = BytesPerSample(encoding);
        var isFloat = encoding is SampleEncoding.Float32 or SampleEncoding.Float64;
        var tag = (ushort)(isFloat ? 3 : 1);
        var body = new List<byte>();
        body.AddRange(UInt16(extensible ? (ushort)0xFFFE : tag));
        body.AddRange(UInt16((ushort)channels));
        body.AddRange(UInt32((uint)sampleRate));
        body.AddRange(UInt32((uint)(sampleRate * channels * width)));
        body.AddRange(UInt16((ushort)(channels * width)));
        body.AddRange(UInt16((ushort)(width * 8)));
        if (extensible)
        {
            body.AddRange(UInt16(22));
            body.AddRange(UInt16((ushort)(width * 8)));
            body.AddRange(UInt32(channels == 2 ? 3u : 0u));
            body.AddRange(SubFormat(tag));
        }

        return Chunk("fmt ", [.. body]);
    }

    /// <summary>KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: {tag-0000-0010-8000-00AA00389B71}.</summary>
    public static byte[] SubFormat(ushort tag) => new Guid($"{tag:X8}-0000-0010-8000-00AA00389B71").ToByteArray();

    public static byte[] Samples(double[] interleaved, SampleEncoding encoding)
    {
        var width = BytesPerSample(encoding);
        var bytes = new byte[interleaved.Length * width];
        for (var i = 0; i < interleaved.Length; i++)
        {
            var x = interleaved[i];
            var at = bytes.AsSpan(i * width, width);
            switch (encoding)
            {
                case SampleEncoding.Pcm8:
                    at[0] = (byte)Math.Clamp(Math.Round(x * 127) + 128, 0, 255);
                    break;
                case SampleEncoding.Pcm16:
                    BinaryPrimitives.WriteInt16LittleEndian(at, (short)Math.Round(x * short.MaxValue));
                    break;
                case SampleEncoding.Pcm24:
                    var v = (int)Math.Round(x * 8_388_607);
                    at[0] = (byte)v;
                    at[1] = (byte)(v >> 8);
                    at[2] = (byte)(v >> 16);
                    break;
                case SampleEncoding.Pcm32:
                    BinaryPrimitives.WriteInt32LittleEndian(at, (int)Math.Round(x * int.MaxValue));
                    break;
                case SampleEncoding.Float32:
                    BinaryPrimitives.WriteSingleLittleEndian(at, (float)x);
                    break;
                default:
                    BinaryPrimitives.WriteDoubleLittleEndian(at, x);
                    break;
            }
        }

        return bytes;
    }

    public static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
