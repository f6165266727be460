using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Diarization;

/// <summary>
/// Which 10 ms frames hold speech, by loudness against a threshold set from the recording itself, so a quiet
/// recording and a loud one are treated alike.
/// </summary>
internal static class SpeechActivity
{
    /// <summary>Shorter bursts are clicks and breaths, not speech.</summary>
    private const int ShortestBurstFrames = 8;

    /// <summary>Nothing quieter is speech, whatever the recording's own levels: the segmenter's silence level.</summary>
    private static readonly float QuietestSpeech = SegmenterSettings.Default.SilenceDecibels;

    /// <summary>Shorter dips are stop consonants inside a word, not pauses.</summary>
    private const int LongestDipFrames = 10;

    public static bool[] Detect(float[] loudness)
    {
        var threshold = Threshold(loudness);
        var speech = loudness.Select(value => value > threshold).ToArray();
        Fill(speech, value: true, LongestDipFrames);
        Fill(speech, value: false, ShortestBurstFrames);
        return speech;
    }

    /// <summary>
    /// A third of the way from the background level (5th percentile) to the speech level (95th), but never more than
    /// 35 dB below speech: in clean or digitally silent recordings the background is so low that the plain rule would
    /// take breath noise for speech; and never below <see cref="QuietestSpeech"/>, or a silent file's dither would be
    /// speech. Digital silence is left out of the background, as in <see cref="SpeechSegmenter"/>.
    /// </summary>
    private static float Threshold(float[] loudness)
    {
        var sorted = loudness.Where(value => value > FrameLoudness.Floor).Order().ToArray();
        if (sorted.Length == 0)
        {
            return float.MaxValue;
        }

        var background = sorted[sorted.Length / 20];
        var speech = sorted[sorted.Length * 19 / 20];
        return Math.Max(QuietestSpeech, Math.Max(background + (speech - background) / 3, speech - 35));
    }

    /// <summary>Sets runs of <c>!value</c> no longer than <paramref name="maximumRun"/> between runs of <paramref name="value"/> to <paramref name="value"/>.</summary>
    private static void Fill(bool[] frames, bool value, int maximumRun)
    {
        var runStart = -1;
        for (var i = 0; i < frames.Length; i++)
        {
            if (frames[i] != value)
            {
                if (runStart < 0)
                {
                    runStart = i;
                }

                continue;
            }

            // A run at the very start has nothing before it to be part of.
            if (runStart > 0 && i - runStart <= maximumRun)
            {
                Array.Fill(frames, value, runStart, i - runStart);
            }

            runStart = -1;
        }
    }
}
