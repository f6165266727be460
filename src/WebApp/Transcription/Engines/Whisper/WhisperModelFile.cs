using System.Buffers.Binary;

namespace WebApp.Transcription.Engines.Whisper;

/// <summary>
/// One whisper.cpp model file in the models folder, <c>ggml-&lt;name&gt;.bin</c>, as the engine
/// <c>whisper-&lt;name&gt;</c>: what its name says about it, and whether it is whole.
/// </summary>
public sealed record WhisperModelFile(string Path, long SizeBytes, DateTime LastWriteTimeUtc)
{
    public const string FilePrefix = "ggml-";
    public const string FileSuffix = ".bin";

    /// <summary>"small.en", "large-v3-turbo".</summary>
    public string ModelName => System.IO.Path.GetFileName(Path)[FilePrefix.Length..^FileSuffix.Length];

    /// <summary>The engine's name: "whisper-small.en".</summary>
    public string EngineName => "whisper-" + ModelName;

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>An English-only model (<c>.en</c>): better at English than the multilingual one of its size, nothing else.</summary>
    public bool EnglishOnly => ModelName.EndsWith(".en", StringComparison.Ordinal) || ModelName.Contains(".en-", StringComparison.Ordinal);

    /// <summary>tiny, base, small, medium, large or turbo, from the name; null for a name whisper.cpp does not publish.</summary>
    public WhisperModelSize? Size => WhisperModelSize.FromModelName(ModelName);

    /// <summary>The engine name for a file name, or null when it is not a whisper model's (<c>ggml-&lt;name&gt;.bin</c>).</summary>
    public static string? EngineNameFor(string fileName) =>
        fileName.StartsWith(FilePrefix, StringComparison.Ordinal) && fileName.EndsWith(FileSuffix, StringComparison.Ordinal)
            && fileName.Length > FilePrefix.Length + FileSuffix.Length
            && !fileName.StartsWith("ggml-silero", StringComparison.Ordinal) // whisper.cpp's VAD model, not a recogniser
            ? "whisper-" + fileName[FilePrefix.Length..^FileSuffix.Length]
            : null;

    /// <summary>
    /// Reads the whole file's structure (header, mel filters, vocabulary, and every tensor's header and extent) without
    /// loading the weights, so that a file native code would reject, or might crash on, becomes a sentence for the user.
    /// </summary>
    /// <returns>Null when the file is a whole ggml whisper model; else what is wrong with it.</returns>
    public string? FindDefect()
    {
        try
        {
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
            return new GgmlReader(file).FindDefect();
        }
        catch (FileNotFoundException)
        {
            return "the file is no longer in the models folder";
        }
        catch (DirectoryNotFoundException)
        {
            return "the file is no longer in the models folder";
        }
        catch (IOException exception)
        {
            return $"the file could not be read ({exception.Message})";
        }
        catch (UnauthorizedAccessException)
        {
            return "the server may not read the file";
        }
    }

    /// <summary>whisper.cpp's ggml layout (src/whisper.cpp, whisper_model_load).</summary>
    private sealed class GgmlReader(FileStream file)
    {
        private const uint Magic = 0x67676d6c; // "ggml"
        private const string NotGgml = "the file is not a whisper.cpp ggml model";
        private const string Truncated = "the file is truncated";

        private readonly byte[] buffer = new byte[16];

        public string? FindDefect()
        {
            if (file.Length < 4 + 11 * 4 || ReadUInt32() != Magic)
            {
                return NotGgml;
            }

            // n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype
            var hparams = new int[11];
            for (var i = 0; i < hparams.Length; i++)
            {
                hparams[i] = ReadInt32();
            }

            // Sizes native code allocates from; out of these ranges it is not a whisper model, however it starts.
            if (!InRange(hparams[0], 1, 1 << 20) || !InRange(hparams[1], 1, 1 << 16) || !InRange(hparams[2], 1, 1 << 14)
                || !InRange(hparams[3], 1, 1 << 10) || !InRange(hparams[4], 1, 256) || !InRange(hparams[5], 1, 1 << 16)
                || hparams[6] != hparams[2] || !InRange(hparams[7], 1, 1 << 10) || !InRange(hparams[8], 1, 256)
                || !InRange(hparams[9], 1, 1024) || hparams[10] < 0)
            {
                return NotGgml;
            }

            if (!TryRead(8))
            {
                return Truncated;
            }

            var melCount = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            var fftCount = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(4));
            if (!InRange(melCount, 1, 1024) || !InRange(fftCount, 1, 1 << 16))
            {
                return NotGgml;
            }

            if (!Skip((long)melCount * fftCount * sizeof(float)) || !TryRead(4))
            {
                return Truncated;
            }

            var vocabulary = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            if (!InRange(vocabulary, 0, 1 << 20))
            {
                return NotGgml;
            }

            for (var token = 0; token < vocabulary; token++)
            {
                if (!TryRead(4))
                {
                    return Truncated;
                }

                var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
                if (length > 1 << 16)
                {
                    return NotGgml;
                }

                if (!Skip(length))
                {
                    return Truncated;
                }
            }

            var tensors = 0;
            while (file.Position < file.Length)
            {
                if (ReadTensor() is { } defect)
                {
                    return defect;
                }

                tensors++;
            }

            // whisper.cpp accepts a file without tensors as an "empty model for testing"; it recognises nothing.
            return tensors == 0 ? "the file holds no weights (it is a test model)" : null;
        }

        private string? ReadTensor()
        {
            if (!TryRead(12))
            {
                return Truncated;
            }

            var dimensions = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            var nameLength = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(4));
            var type = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(8));
            if (!InRange(dimensions, 1, 4) || !InRange(nameLength, 1, 1024))
            {
                return NotGgml;
            }

            long elements = 1;
            for (var i = 0; i < dimensions; i++)
            {
                if (!TryRead(4))
                {
                    return Truncated;
                }

                var size = BinaryPrimitives.ReadInt32LittleEndian(buffer);
                if (!InRange(size, 1, int.MaxValue))
                {
                    return NotGgml;
                }

                elements *= size;
            }

            if (TensorBytes(type, elements) is not { } bytes)
            {
                return $"the file uses a tensor type ({type}) this server does not know";
            }

            return Skip(nameLength) && Skip(bytes) ? null : Truncated;
        }

        /// <summary>ggml's block sizes (ggml.c type_traits) for the types whisper.cpp writes and quantizes to.</summary>
        private static long? TensorBytes(int type, long elements) => type switch
        {
            0 => elements * 4, // f32
            1 => elements * 2, // f16
            2 => elements / 32 * 18, // q4_0
            3 => elements / 32 * 20, // q4_1
            6 => elements / 32 * 22, // q5_0
            7 => elements / 32 * 24, // q5_1
            8 => elements / 32 * 34, // q8_0
            10 => elements / 256 * 84, // q2_k
            11 => elements / 256 * 110, // q3_k
            12 => elements / 256 * 144, // q4_k
            13 => elements / 256 * 176, // q5_k
            14 => elements / 256 * 210, // q6_k
            30 => elements * 2, // bf16
            _ => null,
        };

        private static bool InRange(long value, long minimum, long maximum) => value >= minimum && value <= maximum;

        private uint ReadUInt32() => TryRead(4) ? BinaryPrimitives.ReadUInt32LittleEndian(buffer) : 0;

        private int ReadInt32() => TryRead(4) ? BinaryPrimitives.ReadInt32LittleEndian(buffer) : -1;

        private bool TryRead(int count)
        {
            if (file.Length - file.Position < count)
            {
                return false;
            }

            file.ReadExactly(buffer, 0, count);
            return true;
        }

        private bool Skip(long count)
        {
            if (file.Length - file.Position < count)
            {
                return false;
            }

            file.Seek(count, SeekOrigin.Current);
            return true;
        }
    }
}
