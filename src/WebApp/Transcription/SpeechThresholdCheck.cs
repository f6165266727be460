using System.Globalization;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription;

/// <summary>
/// speech_threshold: audio holding less speech than asked for ends in error before it is recognised, as AssemblyAI
/// does, with AssemblyAI's message. The share of speech is the share of 10 ms frames the diarizer's loudness-based
/// <see cref="SpeechActivity"/> calls speech, over the requested window, all channels mixed.
/// </summary>
public sealed class SpeechThresholdCheck(AudioDecoder decoder)
{
    /// <exception cref="UnderstandingRefusedException">The audio holds less speech than <paramref name="threshold"/>.</exception>
    public async Task EnsureAsync(RecognitionRequest request, double? threshold, CancellationToken cancellationToken)
    {
        if (threshold is not > 0)
        {
            return;
        }

        // Decoding again costs about 1% of recognition, and a refused file spends none.
        using var audio = await decoder.DecodeAsync(request.AudioPath, request.Window, channel: null, cancellationToken);
        var share = SpeechShare(FrameLoudness.Measure(audio));
        if (share < threshold)
        {
            throw new UnderstandingRefusedException(Message(share, threshold.Value));
        }
    }

    /// <summary>The share of frames that hold speech, in [0, 1].</summary>
    internal static double SpeechShare(float[] loudness)
    {
        var speech = SpeechActivity.Detect(loudness);
        return speech.Length == 0 ? 0 : (double)speech.Count(frame => frame) / speech.Length;
    }

    /// <summary>AssemblyAI's words: "Audio speech threshold 0.9461 is below the requested speech threshold value 1.0".</summary>
    public static string Message(double share, double threshold) =>
        string.Create(CultureInfo.InvariantCulture, $"Audio speech threshold {Math.Floor(share * 10000) / 10000:0.0###} is below the requested speech threshold value {threshold:0.0###}");
}
