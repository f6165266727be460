using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <summary>A stretch of the decoded audio to recognise as one utterance.</summary>
public readonly record struct SpeechSegment(long StartSample, int SampleCount)
{
    public long EndSample => StartSample + SampleCount;
}

/// <param name="MinimumSeconds">No cut before this far into a segment…</param>
/// <param name="MaximumSeconds">…and the quietest moment up to here is where it is cut.</param>
/// <param name="HardMaximumSeconds">With no pause before <paramref name="MaximumSeconds"/>, look this far for one before cutting anyway.</param>
/// <param name="SilenceDecibels">A segment never louder than this (dBFS, averaged over a fifth of a second) holds no speech and is skipped.</param>
/// <remarks>
/// Short segments are not only more parallel but more accurate with pocketsphinx, which does best on about one
/// sentence per utterance. On 222 s of LibriVox speech (568 words) WER was 35.4% decoding the whole file as one
/// utterance, 33.6% with 20–40 s segments, 31.9% with 10–20 s, 29.2–29.6% with 3–8 s and 5–10 s; on the benchmark's
/// 10 minutes (1564 words, bench/run.sh) 24.2% whole against 20.3% with these defaults.
/// </remarks>
public sealed record SegmenterSettings(
    double MinimumSeconds = 5,
    double MaximumSeconds = 10,
    double HardMaximumSeconds = 30,
    float SilenceDecibels = -60)
{
    public static SegmenterSettings Default { get; } = new();
}

/// <summary>
/// Splits long audio at pauses so the pieces can be recognised in parallel. Each cut is at the quietest moment of a
/// window, judged by energy averaged over a fifth of a second so that a pause beats a quiet sound inside a word:
/// pieces begin and end in silence, which is also what the recogniser expects of an utterance.
/// </summary>
public sealed class SpeechSegmenter(SegmenterSettings settings)
{
    private const int FramesPerSecond = 100;
    private const int PauseWindowFrames = 10;

    public SpeechSegmenter() : this(SegmenterSettings.Default)
    {
    }

    /// <returns>The segments that hold sound, in order; silent stretches are left out.</returns>
    public IReadOnlyList<SpeechSegment> Split(DecodedAudio audio) => Split(FrameLoudness.Measure(audio), audio.SampleCount);

    internal IReadOnlyList<SpeechSegment> Split(float[] loudness, long sampleCount)
    {
        var smoothed = SmoothedLoudness(loudness);
        var pauseThreshold = PauseThreshold(loudness);
        var minimum = Frames(settings.MinimumSeconds);
        var maximum = Frames(settings.MaximumSeconds);
        var hardMaximum = Frames(settings.HardMaximumSeconds);

        var segments = new List<SpeechSegment>();
        for (var start = 0; start < loudness.Length;)
        {
            var end = loudness.Length - start <= maximum
                ? loudness.Length
                : FindCut(smoothed, loudness, start + minimum, start + maximum, Math.Min(start + hardMaximum, loudness.Length - 1), pauseThreshold);
            if (new ArraySegment<float>(smoothed, start, end - start).Max() > settings.SilenceDecibels)
            {
                var startSample = (long)start * FrameLoudness.SamplesPerFrame;
                segments.Add(new SpeechSegment(startSample, (int)(Math.Min((long)end * FrameLoudness.SamplesPerFrame, sampleCount) - startSample)));
            }

            start = end;
        }

        return segments;
    }

    private static int FindCut(float[] smoothed, float[] loudness, int from, int to, int hardTo, float pauseThreshold)
    {
        var best = QuietestFrame(smoothed, from, to);
        if (smoothed[best] >= pauseThreshold)
        {
            // No pause in the window (fast talk, music): take the first one after it, or at worst the quietest moment.
            var firstPause = Array.FindIndex(smoothed, to + 1, Math.Max(0, hardTo - to), value => value < pauseThreshold);
            best = firstPause >= 0 ? firstPause : QuietestFrame(smoothed, from, hardTo);
        }

        // The smoothed loudness finds the pause; the quietest single frame inside it is where to cut.
        return QuietestFrame(loudness, Math.Max(from, best - PauseWindowFrames), Math.Min(hardTo, best + PauseWindowFrames));
    }

    /// <summary>The frame with the lowest value in [from, to]; on ties, the first.</summary>
    private static int QuietestFrame(float[] values, int from, int to)
    {
        var best = from;
        for (var frame = from + 1; frame <= to; frame++)
        {
            if (values[frame] < values[best])
            {
                best = frame;
            }
        }

        return best;
    }

    /// <summary>Loudness averaged (as power) over ±<see cref="PauseWindowFrames"/> frames.</summary>
    private static float[] SmoothedLoudness(float[] loudness)
    {
        var cumulative = new double[loudness.Length + 1];
        for (var frame = 0; frame < loudness.Length; frame++)
        {
            cumulative[frame + 1] = cumulative[frame] + FrameLoudness.ToPower(loudness[frame]);
        }

        var smoothed = new float[loudness.Length];
        for (var frame = 0; frame < loudness.Length; frame++)
        {
            var from = Math.Max(0, frame - PauseWindowFrames);
            var to = Math.Min(loudness.Length, frame + PauseWindowFrames + 1);
            smoothed[frame] = FrameLoudness.ToDecibels((cumulative[to] - cumulative[from]) / (to - from));
        }

        return smoothed;
    }

    /// <summary>
    /// Below this a moment counts as a pause: 30% of the way from the background level (5th percentile) up to speech
    /// level (95th); with no quiet moments at all the two meet and nothing counts. Digital silence (padding, gaps an
    /// editor inserted) is left out of the background, or it would hide the recording's own.
    /// </summary>
    private static float PauseThreshold(float[] loudness)
    {
        var sorted = loudness.Where(value => value > FrameLoudness.Floor).Order().ToArray();
        if (sorted.Length == 0)
        {
            return FrameLoudness.Floor;
        }

        var background = sorted[sorted.Length / 20];
        var speech = sorted[sorted.Length * 19 / 20];
        return background + (speech - background) * 0.3f;
    }

    private static int Frames(double seconds) => (int)Math.Round(seconds * FramesPerSecond);
}
