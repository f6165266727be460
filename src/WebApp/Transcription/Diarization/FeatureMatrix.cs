namespace WebApp.Transcription.Diarization;

/// <summary>One feature vector per 10 ms frame, stored row after row.</summary>
internal sealed class FeatureMatrix(int frameCount, int dimensions)
{
    private readonly float[] values = new float[frameCount * dimensions];

    public int FrameCount => frameCount;

    public int Dimensions => dimensions;

    public Span<float> Row(int frame) => values.AsSpan(frame * dimensions, dimensions);
}
