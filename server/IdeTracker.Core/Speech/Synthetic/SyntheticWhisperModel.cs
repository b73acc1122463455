using System.Buffers.Binary;
using IdeTracker.Core.Speech.Models;

namespace IdeTracker.Core.Speech.Synthetic;

/// <summary>Writes a ggml Whisper model file with the real structure and random weights from a seed, in the order
/// whisper.cpp's <c>whisper_model_load</c> reads it: the magic, the hyperparameters, the mel filter bank, the
/// vocabulary, then each tensor as (n_dims, name length, type, shape, name, data). It loads, runs and times like a
/// real model of its shape; what it transcribes is nonsense, so tests assert structure, never words.</summary>
public static class SyntheticWhisperModel
{
    private const int F32 = 0;
    private const int F16 = 1;
    private const int MelFftBins = 201;

    /// <summary>Writes the model to <paramref name="path"/> (through a temporary file, so a reader never sees half of one).</summary>
    public static void Write(string path, SyntheticModelShape shape, int seed)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".writing";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(stream, WhisperHyperparameters.For(shape), seed);
        }

        File.Move(temporary, full, overwrite: true);
    }

    public static void Write(Stream stream, WhisperHyperparameters hparams, int seed)
    {
        var random = new Random(seed);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(ModelVerifier.GgmlMagic);
        foreach (var value in hparams.InFileOrder())
        {
            writer.Write(value);
        }

        writer.Write(hparams.NMels);
        writer.Write(MelFftBins);
        for (var i = 0; i < hparams.NMels * MelFftBins; i++)
        {
            writer.Write(random.NextSingle() * 0.02f);
        }

        writer.Write(SyntheticVocabulary.TextTokens);
        foreach (var token in SyntheticVocabulary.Tokens())
        {
            writer.Write((uint)token.Length);
            writer.Write(token);
        }

        var weight = hparams.Ftype == F16 ? F16 : F32;
        foreach (var tensor in Tensors(hparams, weight))
        {
            WriteTensor(writer, tensor, random);
        }
    }

    private static IEnumerable<SyntheticTensor> Tensors(WhisperHyperparameters h, int weight)
    {
        int audio = h.NAudioState, text = h.NTextState;
        yield return new("encoder.positional_embedding", F32, [audio, h.NAudioCtx]);
        yield return new("encoder.conv1.weight", weight, [3, h.NMels, audio]);
        yield return new("encoder.conv1.bias", F32, [1, audio]);
        yield return new("encoder.conv2.weight", weight, [3, audio, audio]);
        yield return new("encoder.conv2.bias", F32, [1, audio]);
        yield return new("encoder.ln_post.weight", F32, [audio], Norm: true);
        yield return new("encoder.ln_post.bias", F32, [audio]);
        for (var i = 0; i < h.NAudioLayer; i++)
        {
            foreach (var tensor in Block($"encoder.blocks.{i}", "attn", audio, weight))
            {
                yield return tensor;
            }
        }

        yield return new("decoder.positional_embedding", F32, [text, h.NTextCtx]);
        yield return new("decoder.token_embedding.weight", weight, [text, h.NVocab]);
        yield return new("decoder.ln.weight", F32, [text], Norm: true);
        yield return new("decoder.ln.bias", F32, [text]);
        for (var i = 0; i < h.NTextLayer; i++)
        {
            foreach (var tensor in Block($"decoder.blocks.{i}", "attn", text, weight).Concat(Attention($"decoder.blocks.{i}", "cross_attn", text, weight)))
            {
                yield return tensor;
            }
        }
    }

    /// <summary>A transformer block: its MLP and its (self-)attention.</summary>
    private static IEnumerable<SyntheticTensor> Block(string prefix, string attention, int state, int weight)
    {
        yield return new($"{prefix}.mlp_ln.weight", F32, [state], Norm: true);
        yield return new($"{prefix}.mlp_ln.bias", F32, [state]);
        yield return new($"{prefix}.mlp.0.weight", weight, [state, 4 * state]);
        yield return new($"{prefix}.mlp.0.bias", F32, [4 * state]);
        yield return new($"{prefix}.mlp.2.weight", weight, [4 * state, state]);
        yield return new($"{prefix}.mlp.2.bias", F32, [state]);
        foreach (var tensor in Attention(prefix, attention, state, weight))
        {
            yield return tensor;
        }
    }

    private static IEnumerable<SyntheticTensor> Attention(string prefix, string attention, int state, int weight)
    {
        yield return new($"{prefix}.{attention}_ln.weight", F32, [state], Norm: true);
        yield return new($"{prefix}.{attention}_ln.bias", F32, [state]);
        yield return new($"{prefix}.{attention}.query.weight", weight, [state, state]);
        yield return new($"{prefix}.{attention}.query.bias", F32, [state]);
        yield return new($"{prefix}.{attention}.key.weight", weight, [state, state]);
        yield return new($"{prefix}.{attention}.value.weight", weight, [state, state]);
        yield return new($"{prefix}.{attention}.value.bias", F32, [state]);
        yield return new($"{prefix}.{attention}.out.weight", weight, [state, state]);
        yield return new($"{prefix}.{attention}.out.bias", F32, [state]);
    }

    private static void WriteTensor(BinaryWriter writer, SyntheticTensor tensor, Random random)
    {
        var name = System.Text.Encoding.ASCII.GetBytes(tensor.Name);
        writer.Write(tensor.Shape.Length);
        writer.Write(name.Length);
        writer.Write(tensor.Type);
        foreach (var dimension in tensor.Shape)
        {
            writer.Write(dimension);
        }

        writer.Write(name);
        var elements = tensor.Shape.Aggregate(1L, (product, dimension) => product * dimension);
        var elementSize = tensor.Type == F16 ? 2 : 4;
        var buffer = new byte[64 * 1024 * elementSize];
        var scale = tensor.Shape.Length > 1 ? 1.0f / MathF.Sqrt(tensor.Shape[0]) : 0.1f;
        for (long done = 0; done < elements;)
        {
            var count = (int)Math.Min(elements - done, buffer.Length / elementSize);
            for (var i = 0; i < count; i++)
            {
                var value = (random.NextSingle() * 2 - 1) * scale + (tensor.Norm ? 1 : 0);
                if (tensor.Type == F16)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(buffer.AsSpan(i * 2), (Half)value);
                }
                else
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), value);
                }
            }

            writer.Write(buffer, 0, count * elementSize);
            done += count;
        }
    }
}
