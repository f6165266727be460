namespace WebApp.Streaming;

/// <summary>
/// A session's audio messages to 16 kHz 16-bit mono, the live decoder's input: μ-law is expanded, other rates are
/// resampled linearly (state carries across messages, so chunk edges leave no clicks).
/// </summary>
public sealed class PcmInput(StreamingEncoding encoding, int sampleRate)
{
    public const int TargetRate = 16000;

    private double position;
    private short previous;

    /// <summary>How many samples (at the client's rate) the message holds; -1 when its length is not whole samples.</summary>
    public int CountSamples(int byteCount) => encoding == StreamingEncoding.PcmMulaw ? byteCount : byteCount % 2 == 0 ? byteCount / 2 : -1;

    public double DurationMs(int byteCount) => CountSamples(byteCount) * 1000.0 / sampleRate;

    public short[] Convert(ReadOnlySpan<byte> message)
    {
        var samples = new short[CountSamples(message.Length)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = encoding == StreamingEncoding.PcmMulaw ? MulawToLinear(message[i]) : (short)(message[2 * i] | message[2 * i + 1] << 8);
        }

        return sampleRate == TargetRate ? samples : Resample(samples);
    }

    private short[] Resample(short[] input)
    {
        var step = (double)sampleRate / TargetRate;
        var output = new List<short>((int)(input.Length / step) + 2);
        // position runs over "previous, input[0], input[1], …": index 0 is the last sample of the previous message.
        while (position <= input.Length - 1 + 1e-9)
        {
            var index = (int)position;
            var fraction = position - index;
            var left = index == 0 ? previous : input[index - 1];
            var right = input[Math.Min(index, input.Length - 1)];
            output.Add((short)Math.Round(left + (right - left) * fraction));
            position += step;
        }

        position -= input.Length;
        if (input.Length > 0)
        {
            previous = input[^1];
        }

        return [.. output];
    }

    private static short MulawToLinear(byte value)
    {
        var mulaw = ~value;
        var sign = mulaw & 0x80;
        var exponent = (mulaw >> 4) & 0x07;
        var mantissa = mulaw & 0x0F;
        var magnitude = ((mantissa << 3) + 0x84) << exponent;
        return (short)(sign != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }
}
