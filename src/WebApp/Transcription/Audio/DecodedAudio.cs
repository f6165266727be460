using System.Runtime.InteropServices;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <summary>
/// 16 kHz mono 16-bit PCM, spooled to a temporary file that is deleted on dispose. Audio is kept on disk rather than
/// in memory because uploads may be hours long (an hour is ~115 MB of PCM, and a 2 GB upload can hold more samples
/// than an array can) while the engine only ever needs one segment per decoder at a time.
/// </summary>
public sealed class DecodedAudio : IDisposable
{
    public const int SampleRate = 16000;

    private readonly FileStream spool;

    internal DecodedAudio(FileStream spool, int offsetMs = 0)
    {
        this.spool = spool;
        OffsetMs = offsetMs;
        SampleCount = spool.Length / sizeof(short);
    }

    /// <summary>Where the first sample lies in the original file (audio_start_from), in milliseconds.</summary>
    public int OffsetMs { get; }

    public long SampleCount { get; }

    public double DurationSeconds => (double)SampleCount / SampleRate;

    /// <summary>Reads samples [start, start + count); safe to call from several threads at once.</summary>
    public short[] ReadSamples(long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, SampleCount);

        var samples = new short[count];
        var bytes = MemoryMarshal.AsBytes(samples.AsSpan());
        var offset = start * sizeof(short);
        while (!bytes.IsEmpty)
        {
            var read = RandomAccess.Read(spool.SafeFileHandle, bytes, offset);
            if (read == 0)
            {
                throw new EndOfStreamException("The decoded audio spool file ended early.");
            }

            bytes = bytes[read..];
            offset += read;
        }

        return samples;
    }

    public void Dispose() => spool.Dispose();
}
