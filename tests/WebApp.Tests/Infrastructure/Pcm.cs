namespace WebApp.Tests.Infrastructure;

/// <summary>Audio as 16 kHz mono samples (decoded by ffmpeg), and the measurements the redacted-audio tests make on it.</summary>
public static class Pcm
{
    public const int SampleRate = 16000;

    /// <summary>Any file ffmpeg reads, decoded to 16 kHz mono 16-bit samples.</summary>
    public static short[] Decode(string path)
    {
        var raw = TestSpeech.Convert(path, ".raw", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bytes = File.ReadAllBytes(raw);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    public static int Index(int ms) => (int)((long)ms * SampleRate / 1000);

    /// <summary>Root mean square of samples [start, end), on the 16-bit scale.</summary>
    public static double Rms(ReadOnlySpan<short> samples) =>
        samples.IsEmpty ? 0 : Math.Sqrt(Sum(samples, s => (double)s * s) / samples.Length);

    /// <summary>
    /// The share of the signal's energy at <paramref name="hertz"/> (Goertzel power against Parseval's total): near 1
    /// for a pure tone of that frequency, small for speech or silence.
    /// </summary>
    public static double ToneShare(ReadOnlySpan<short> samples, double hertz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / SampleRate);
        double previous = 0, beforePrevious = 0, total = 0;
        foreach (var sample in samples)
        {
            var current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
            total += (double)sample * sample;
        }

        var power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        // A sinusoid of amplitude A over N samples gives Goertzel power (A·N/2)² and energy A²·N/2.
        return total == 0 ? 0 : power * 2 / samples.Length / total;
    }

    private static double Sum(ReadOnlySpan<short> samples, Func<short, double> f)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += f(sample);
        }

        return sum;
    }
}
