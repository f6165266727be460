using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Diarization;

/// <summary>
/// Mel-frequency cepstral coefficients: pre-emphasis, 25 ms Hamming window every 10 ms, power spectrum, mel
/// filterbank, log, DCT. c0 (loudness) is left out: how loud someone is depends on the microphone, not the voice.
/// Frame <c>i</c> is centred on the 10 ms frame <c>i</c> of <see cref="FrameLoudness"/>, so the two line up.
/// </summary>
internal sealed class MfccExtractor
{
    public const int Coefficients = 16;

    private const int WindowSamples = 400;
    private const int HopSamples = FrameLoudness.SamplesPerFrame;
    private const int FilterCount = 30;
    private const double LowestHz = 60;
    private const double HighestHz = 7600;
    private const double PreEmphasis = 0.97;
    private const int FramesPerRead = 3000;

    private readonly PowerSpectrum spectrum = new(512);
    private readonly double[] window = Enumerable.Range(0, WindowSamples)
        .Select(n => 0.54 - 0.46 * Math.Cos(2 * Math.PI * n / (WindowSamples - 1))).ToArray();
    private readonly (int FirstBin, double[] Weights)[] filters;
    private readonly double[,] dct;

    public MfccExtractor()
    {
        filters = MelFilters(spectrum.Size, FilterCount);
        dct = new double[Coefficients, FilterCount];
        for (var c = 0; c < Coefficients; c++)
        {
            for (var f = 0; f < FilterCount; f++)
            {
                dct[c, f] = Math.Cos(Math.PI * (c + 1) * (f + 0.5) / FilterCount);
            }
        }
    }

    public FeatureMatrix Extract(DecodedAudio audio, CancellationToken cancellationToken)
    {
        var frameCount = (int)((audio.SampleCount + HopSamples - 1) / HopSamples);
        var features = new FeatureMatrix(frameCount, Coefficients);
        var frame = new double[WindowSamples];
        var real = new double[spectrum.Size];
        var imaginary = new double[spectrum.Size];
        var power = new double[spectrum.Size / 2 + 1];
        var energies = new double[FilterCount];
        const int lead = (WindowSamples - HopSamples) / 2;

        for (var firstFrame = 0; firstFrame < frameCount; firstFrame += FramesPerRead)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frames = Math.Min(FramesPerRead, frameCount - firstFrame);
            var blockStart = (long)firstFrame * HopSamples - lead - 1;
            var block = ReadPadded(audio, blockStart, (frames - 1) * HopSamples + WindowSamples + 1);
            for (var i = 0; i < frames; i++)
            {
                var offset = i * HopSamples + 1;
                for (var n = 0; n < WindowSamples; n++)
                {
                    frame[n] = (block[offset + n] - PreEmphasis * block[offset + n - 1]) * window[n];
                }

                spectrum.Compute(frame, real, imaginary, power);
                for (var f = 0; f < FilterCount; f++)
                {
                    var (firstBin, weights) = filters[f];
                    double sum = 0;
                    for (var k = 0; k < weights.Length; k++)
                    {
                        sum += weights[k] * power[firstBin + k];
                    }

                    // The floor keeps digital silence finite; it is far below any recorded noise.
                    energies[f] = Math.Log(sum + 1e-2);
                }

                var row = features.Row(firstFrame + i);
                for (var c = 0; c < Coefficients; c++)
                {
                    double sum = 0;
                    for (var f = 0; f < FilterCount; f++)
                    {
                        sum += dct[c, f] * energies[f];
                    }

                    row[c] = (float)sum;
                }
            }
        }

        return features;
    }

    /// <summary>Samples [start, start + count), with zeros where that reaches past either end of the audio.</summary>
    private static short[] ReadPadded(DecodedAudio audio, long start, int count)
    {
        var from = Math.Max(0, start);
        var to = Math.Min(audio.SampleCount, start + count);
        if (from == start && to == start + count)
        {
            return audio.ReadSamples(start, count);
        }

        var padded = new short[count];
        if (to > from)
        {
            audio.ReadSamples(from, (int)(to - from)).CopyTo(padded, (int)(from - start));
        }

        return padded;
    }

    /// <summary>Triangular filters equally spaced on the mel scale, each stored from its first non-zero bin.</summary>
    private static (int FirstBin, double[] Weights)[] MelFilters(int fftSize, int count)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + hz / 700);
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);

        var binHz = (double)DecodedAudio.SampleRate / fftSize;
        var edges = Enumerable.Range(0, count + 2)
            .Select(i => Hz(Mel(LowestHz) + i * (Mel(HighestHz) - Mel(LowestHz)) / (count + 1))).ToArray();
        var result = new (int, double[])[count];
        for (var f = 0; f < count; f++)
        {
            var (left, centre, right) = (edges[f], edges[f + 1], edges[f + 2]);
            var firstBin = (int)Math.Ceiling(left / binHz);
            var lastBin = (int)Math.Floor(right / binHz);
            var weights = new double[Math.Max(1, lastBin - firstBin + 1)];
            for (var bin = firstBin; bin <= lastBin; bin++)
            {
                var hz = bin * binHz;
                weights[bin - firstBin] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
            }

            result[f] = (firstBin, weights);
        }

        return result;
    }
}
