using System.Numerics;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Diarization;

/// <summary>
/// The pitch (F0) of 10 ms frames by the normalized cross-correlation function of RAPT (Talkin, 1995) without its
/// dynamic programming: the signal low-passed and halved to 8 kHz, a 30 ms window compared with itself one period
/// later for periods of 2.5–20 ms (50–400 Hz). A frame is voiced where some period correlates above
/// <see cref="VoicedCorrelation"/>; its period is the shortest peak within <see cref="OctaveTolerance"/> of the best
/// (twice the period correlates nearly as well, half of it does not), refined by a parabola through the peak.
/// Frame <c>i</c> is centred where <see cref="MfccExtractor"/>'s frame <c>i</c> is.
/// </summary>
internal static class PitchTracker
{
    /// <summary>Fewer voiced frames than this (half a second) tell nothing about a voice's pitch.</summary>
    public const int FewestVoicedFrames = 50;

    private const int Decimation = 2;
    private const int Rate = DecodedAudio.SampleRate / Decimation;
    private const int HopSamples = FrameLoudness.SamplesPerFrame / Decimation;
    private const int WindowSamples = Rate * 30 / 1000;
    private const int ShortestPeriod = Rate / 400;
    private const int LongestPeriod = Rate / 50;
    private const double VoicedCorrelation = 0.7;
    private const double OctaveTolerance = 0.9;
    private const int FramesPerRead = 3000;

    /// <returns>ln F0 (Hz) of each of <paramref name="speechFrames"/>, NaN where the frame is not voiced.</returns>
    public static float[] LogPitch(DecodedAudio audio, int[] speechFrames, CancellationToken cancellationToken)
    {
        var pitch = new float[speechFrames.Length];
        var correlation = new double[LongestPeriod + 2];
        for (var first = 0; first < speechFrames.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A block of frames read at once; its signal reaches half a window before the first frame's centre and a
            // window and the longest period past the last one's.
            var last = first;
            while (last + 1 < speechFrames.Length && speechFrames[last + 1] - speechFrames[first] < FramesPerRead)
            {
                last++;
            }

            var origin = (long)speechFrames[first] * HopSamples + HopSamples / 2 - WindowSamples / 2;
            var signal = Decimated(audio, origin, (speechFrames[last] - speechFrames[first]) * HopSamples + WindowSamples + LongestPeriod + 2);
            for (var i = first; i <= last; i++)
            {
                var start = (speechFrames[i] - speechFrames[first]) * HopSamples;
                pitch[i] = FramePitch(signal.AsSpan(start, WindowSamples + LongestPeriod + 2), correlation);
            }

            first = last + 1;
        }

        return pitch;
    }

    /// <returns>
    /// How far apart the medians of two sets of frames' ln F0 are in semitones (NaN frames left out); NaN when either
    /// has fewer than <see cref="FewestVoicedFrames"/> voiced frames.
    /// </returns>
    public static double SemitonesApart(IEnumerable<float> first, IEnumerable<float> second) =>
        Math.Abs(VoicedMedian(first) - VoicedMedian(second)) * 12 / Math.Log(2);

    private static double VoicedMedian(IEnumerable<float> pitch)
    {
        var voiced = pitch.Where(value => !float.IsNaN(value)).Order().ToArray();
        return voiced.Length < FewestVoicedFrames ? double.NaN : 0.5 * (voiced[(voiced.Length - 1) / 2] + voiced[voiced.Length / 2]);
    }

    private static float FramePitch(ReadOnlySpan<float> signal, double[] correlation)
    {
        var window = signal[..WindowSamples];
        var energy = Dot(window, window);
        if (energy <= 0)
        {
            return float.NaN;
        }

        // The lagged window's energy slides along with the lag rather than being summed afresh.
        var lagged = Dot(signal.Slice(ShortestPeriod - 1, WindowSamples), signal.Slice(ShortestPeriod - 1, WindowSamples));
        var best = 0.0;
        for (var lag = ShortestPeriod - 1; lag <= LongestPeriod + 1; lag++)
        {
            if (lag > ShortestPeriod - 1)
            {
                lagged += (double)signal[lag + WindowSamples - 1] * signal[lag + WindowSamples - 1] - (double)signal[lag - 1] * signal[lag - 1];
            }

            correlation[lag] = lagged > 0 ? Dot(window, signal.Slice(lag, WindowSamples)) / Math.Sqrt(energy * lagged) : 0;
            if (lag is >= ShortestPeriod and <= LongestPeriod)
            {
                best = Math.Max(best, correlation[lag]);
            }
        }

        if (best < VoicedCorrelation)
        {
            return float.NaN;
        }

        for (var lag = ShortestPeriod; lag <= LongestPeriod; lag++)
        {
            var (before, here, after) = (correlation[lag - 1], correlation[lag], correlation[lag + 1]);
            if (here >= OctaveTolerance * best && here >= before && here >= after)
            {
                var curvature = before - 2 * here + after;
                var offset = curvature < 0 ? 0.5 * (before - after) / curvature : 0;
                return (float)Math.Log(Rate / (lag + offset));
            }
        }

        return float.NaN;
    }

    /// <summary>
    /// Samples [start, start + 2·count) at 16 kHz as count samples at 8 kHz, each the mean of four neighbours (a low
    /// pass with its first zero at 4 kHz, so little folds back), zeros past either end of the audio.
    /// </summary>
    private static float[] Decimated(DecodedAudio audio, long start, int count)
    {
        var (from, to) = (start * Decimation - 1, (start + count) * Decimation + 2);
        var (readFrom, readTo) = (Math.Max(0, from), Math.Min(audio.SampleCount, to));
        var raw = new short[to - from];
        if (readTo > readFrom)
        {
            audio.ReadSamples(readFrom, (int)(readTo - readFrom)).CopyTo(raw, (int)(readFrom - from));
        }

        var decimated = new float[count];
        for (var i = 0; i < count; i++)
        {
            var j = i * Decimation;
            decimated[i] = 0.25f * (raw[j] + raw[j + 1] + raw[j + 2] + raw[j + 3]);
        }

        return decimated;
    }

    private static double Dot(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= first.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sums += new Vector<float>(first[i..]) * new Vector<float>(second[i..]);
        }

        double sum = Vector.Sum(sums);
        for (; i < first.Length; i++)
        {
            sum += first[i] * second[i];
        }

        return sum;
    }
}
