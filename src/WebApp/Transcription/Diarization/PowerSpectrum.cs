namespace WebApp.Transcription.Diarization;

/// <summary>
/// Power spectrum of a real frame by an in-place radix-2 FFT. The tables are built once and only read afterwards,
/// so one instance serves any number of threads; the scratch buffers belong to the caller.
/// </summary>
internal sealed class PowerSpectrum
{
    private readonly int size;
    private readonly int[] bitReversed;
    private readonly double[] cosines;
    private readonly double[] sines;

    /// <param name="size">A power of two.</param>
    public PowerSpectrum(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be a power of two.");
        }

        this.size = size;
        var bits = int.Log2(size);
        bitReversed = new int[size];
        for (var i = 0; i < size; i++)
        {
            bitReversed[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        cosines = new double[size / 2];
        sines = new double[size / 2];
        for (var i = 0; i < size / 2; i++)
        {
            cosines[i] = Math.Cos(-2 * Math.PI * i / size);
            sines[i] = Math.Sin(-2 * Math.PI * i / size);
        }
    }

    public int Size => size;

    /// <summary>Bins 0…size/2 of |FFT(frame)|², with <paramref name="frame"/> zero-padded to the FFT size.</summary>
    public void Compute(ReadOnlySpan<double> frame, Span<double> real, Span<double> imaginary, Span<double> power)
    {
        real.Clear();
        imaginary.Clear();
        for (var i = 0; i < frame.Length; i++)
        {
            real[bitReversed[i]] = frame[i];
        }

        for (var half = 1; half < size; half *= 2)
        {
            var twiddleStep = size / (2 * half);
            for (var block = 0; block < size; block += 2 * half)
            {
                for (var k = 0; k < half; k++)
                {
                    var (c, s) = (cosines[k * twiddleStep], sines[k * twiddleStep]);
                    var (a, b) = (block + k, block + k + half);
                    var tr = real[b] * c - imaginary[b] * s;
                    var ti = real[b] * s + imaginary[b] * c;
                    real[b] = real[a] - tr;
                    imaginary[b] = imaginary[a] - ti;
                    real[a] += tr;
                    imaginary[a] += ti;
                }
            }
        }

        for (var bin = 0; bin <= size / 2; bin++)
        {
            power[bin] = real[bin] * real[bin] + imaginary[bin] * imaginary[bin];
        }
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555) | ((value & 0x55555555) << 1);
        value = ((value >> 2) & 0x33333333) | ((value & 0x33333333) << 2);
        value = ((value >> 4) & 0x0F0F0F0F) | ((value & 0x0F0F0F0F) << 4);
        value = ((value >> 8) & 0x00FF00FF) | ((value & 0x00FF00FF) << 8);
        return (value >> 16) | (value << 16);
    }
}
