using System.Buffers.Binary;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Transcription.Whisper;

/// <summary>
/// Writes a whisper.cpp ggml model with random weights, so the whole whisper path (loading, encoder, decoder, token
/// timestamps, language identification) runs in tests although no real weights are reachable. The header's
/// hyper-parameters, mel filters and vocabulary come from whisper.cpp's own weight-less CI models
/// (<c>../shared/models/for-tests-ggml-tiny{.en}.bin</c>); the tensors are every one whisper.cpp's
/// <c>whisper_model_load</c> creates for that architecture (src/whisper.cpp and src/whisper-arch.h at f24588a, the
/// commit Whisper.net 1.9.1 pins), with its names, shapes and types. What it recognises is noise: assert structure, not
/// text.
/// </summary>
/// <remarks>
/// File layout (little-endian): magic "ggml" (0x67676d6c); 11 int32 hyper-parameters (n_vocab, n_audio_ctx,
/// n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype);
/// mel filters (int32 n_mel, int32 n_fft, n_mel·n_fft float32); vocabulary (int32 count, then per token uint32 length and
/// bytes); then per tensor int32 n_dims, int32 name length, int32 type (0 = f32, 1 = f16), n_dims int32 sizes
/// (innermost first), the name, and the data.
/// </remarks>
public static class TinyWhisperModel
{
    private const uint GgmlMagic = 0x67676d6c;
    private const int F32 = 0;
    private const int F16 = 1;

    /// <summary>whisper.cpp's weight-less CI models, beside the repository (CI mounts ../shared read-only).</summary>
    public static string SharedModelsDirectory { get; } = Path.GetFullPath(Path.Combine(AppPaths.RepoRoot, "..", "shared", "models"));

    /// <summary>
    /// Writes <paramref name="path"/> with the tiny model's vocabulary (English-only or multilingual) and random weights.
    /// </summary>
    /// <param name="layers">Encoder and decoder layers; the real tiny model has 4, whisper.cpp accepts any number.</param>
    /// <param name="state">Width of the model (the real tiny model has 384 with 6 heads of 64; heads stay 64 wide).</param>
    public static void Write(string path, bool multilingual, int layers = 1, int state = 384, int seed = 1)
    {
        var template = File.ReadAllBytes(Path.Combine(SharedModelsDirectory, multilingual ? "for-tests-ggml-tiny.bin" : "for-tests-ggml-tiny.en.bin"));
        if (BinaryPrimitives.ReadUInt32LittleEndian(template) != GgmlMagic)
        {
            throw new InvalidDataException("The template is not a ggml model.");
        }

        var header = new int[11];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = BinaryPrimitives.ReadInt32LittleEndian(template.AsSpan(4 + 4 * i));
        }

        var heads = Math.Max(1, state / 64);
        header[2] = state;
        header[3] = heads;
        header[4] = layers;
        header[6] = state;
        header[7] = heads;
        header[8] = layers;
        var hparams = new Hyperparameters(header[0], header[1], state, header[5], header[9], layers);

        using var output = new BinaryWriter(File.Create(path));
        output.Write(GgmlMagic);
        foreach (var value in header)
        {
            output.Write(value);
        }

        // Mel filters and vocabulary as they are: they follow the header up to the end of the weight-less file.
        output.Write(template.AsSpan(4 + 4 * header.Length));

        var random = new Random(seed);
        foreach (var tensor in Tensors(hparams))
        {
            WriteTensor(output, tensor, random);
        }
    }

    private sealed record Hyperparameters(int Vocabulary, int AudioContext, int State, int TextContext, int Mels, int Layers);

    /// <param name="Shape">Innermost dimension first, as ggml counts them.</param>
    private sealed record Tensor(string Name, int Type, int[] Shape, float Scale = 0.05f, float Offset = 0);

    /// <summary>In whisper_model_load's order (any order loads; this one is easy to compare).</summary>
    private static IEnumerable<Tensor> Tensors(Hyperparameters h)
    {
        var n = h.State;
        yield return new("encoder.positional_embedding", F32, [n, h.AudioContext]);
        yield return new("encoder.conv1.weight", F16, [3, h.Mels, n]);
        yield return new("encoder.conv1.bias", F32, [1, n]);
        yield return new("encoder.conv2.weight", F16, [3, n, n]);
        yield return new("encoder.conv2.bias", F32, [1, n]);
        yield return LayerNorm("encoder.ln_post.weight", n);
        yield return new("encoder.ln_post.bias", F32, [n]);
        for (var i = 0; i < h.Layers; i++)
        {
            foreach (var tensor in Block($"encoder.blocks.{i}", "attn", n, withMlp: true))
            {
                yield return tensor;
            }
        }

        yield return new("decoder.positional_embedding", F32, [n, h.TextContext]);
        yield return new("decoder.token_embedding.weight", F16, [n, h.Vocabulary]);
        yield return LayerNorm("decoder.ln.weight", n);
        yield return new("decoder.ln.bias", F32, [n]);
        for (var i = 0; i < h.Layers; i++)
        {
            foreach (var tensor in Block($"decoder.blocks.{i}", "attn", n, withMlp: true))
            {
                yield return tensor;
            }

            foreach (var tensor in Block($"decoder.blocks.{i}", "cross_attn", n, withMlp: false))
            {
                yield return tensor;
            }
        }
    }

    /// <summary>One attention block (norm, query, key without bias, value, out) and, for self-attention, the MLP.</summary>
    private static IEnumerable<Tensor> Block(string prefix, string attention, int n, bool withMlp)
    {
        if (withMlp)
        {
            yield return LayerNorm($"{prefix}.mlp_ln.weight", n);
            yield return new($"{prefix}.mlp_ln.bias", F32, [n]);
            yield return new($"{prefix}.mlp.0.weight", F16, [n, 4 * n]);
            yield return new($"{prefix}.mlp.0.bias", F32, [4 * n]);
            yield return new($"{prefix}.mlp.2.weight", F16, [4 * n, n]);
            yield return new($"{prefix}.mlp.2.bias", F32, [n]);
        }

        yield return LayerNorm($"{prefix}.{attention}_ln.weight", n);
        yield return new($"{prefix}.{attention}_ln.bias", F32, [n]);
        yield return new($"{prefix}.{attention}.query.weight", F16, [n, n]);
        yield return new($"{prefix}.{attention}.query.bias", F32, [n]);
        yield return new($"{prefix}.{attention}.key.weight", F16, [n, n]);
        yield return new($"{prefix}.{attention}.value.weight", F16, [n, n]);
        yield return new($"{prefix}.{attention}.value.bias", F32, [n]);
        yield return new($"{prefix}.{attention}.out.weight", F16, [n, n]);
        yield return new($"{prefix}.{attention}.out.bias", F32, [n]);
    }

    /// <summary>Layer norm gains near 1, so activations keep their scale through the layers.</summary>
    private static Tensor LayerNorm(string name, int n) => new(name, F32, [n], Scale: 0.1f, Offset: 1);

    private static void WriteTensor(BinaryWriter output, Tensor tensor, Random random)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(tensor.Name);
        output.Write(tensor.Shape.Length);
        output.Write(name.Length);
        output.Write(tensor.Type);
        foreach (var size in tensor.Shape)
        {
            output.Write(size);
        }

        output.Write(name);
        var count = tensor.Shape.Aggregate(1L, (product, size) => product * size);
        var bytes = new byte[count * (tensor.Type == F16 ? 2 : 4)];
        for (long i = 0; i < count; i++)
        {
            var value = tensor.Offset + tensor.Scale * (2 * random.NextSingle() - 1);
            if (tensor.Type == F16)
            {
                BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan((int)(i * 2)), (Half)value);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan((int)(i * 4)), value);
            }
        }

        output.Write(bytes);
    }
}
