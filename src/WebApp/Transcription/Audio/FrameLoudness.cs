using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <summary>Loudness of each 10 ms frame in dBFS (digital silence is <see cref="Floor"/>), the segmenter's only input.</summary>
internal static class FrameLoudness
{
    public const int SamplesPerFrame = DecodedAudio.SampleRate / 100;
    public const float Floor = -100;

    private const int FramesPerRead = 6000;

    public static float[] Measure(DecodedAudio audio)
    {
        var loudness = new float[(int)((audio.SampleCount + SamplesPerFrame - 1) / SamplesPerFrame)];
        for (var firstFrame = 0; firstFrame < loudness.Length; firstFrame += FramesPerRead)
        {
            var start = (long)firstFrame * SamplesPerFrame;
            var block = audio.ReadSamples(start, (int)Math.Min((long)FramesPerRead * SamplesPerFrame, audio.SampleCount - start));
            for (var offset = 0; offset < block.Length; offset += SamplesPerFrame)
            {
                loudness[firstFrame + offset / SamplesPerFrame] = Decibels(block.AsSpan(offset, Math.Min(SamplesPerFrame, block.Length - offset)));
            }
        }

        return loudness;
    }

    public static float Decibels(ReadOnlySpan<short> frame)
    {
        double sumOfSquares = 0;
        foreach (var sample in frame)
        {
            sumOfSquares += (double)sample * sample;
        }

        return ToDecibels(sumOfSquares / frame.Length);
    }

    public static float ToDecibels(double meanSquare) =>
        meanSquare <= 0 ? Floor : Math.Max(Floor, (float)(10 * Math.Log10(meanSquare / (32768.0 * 32768.0))));

    public static double ToPower(float decibels) => decibels <= Floor ? 0 : Math.Pow(10, decibels / 10) * 32768.0 * 32768.0;
}
