namespace WebApp.Transcription.Diarization;

/// <summary>
/// What the caller knows about how many people speak: AssemblyAI's <c>speakers_expected</c> (<paramref name="Exact"/>)
/// or <c>speaker_options.min/max_speakers_expected</c>. With nothing known the diarizer decides by itself.
/// </summary>
public sealed record SpeakerCountHint(int? Exact = null, int? Min = null, int? Max = null)
{
    public static SpeakerCountHint None { get; } = new();

    /// <summary>The smallest count allowed (at least 1).</summary>
    public int Lowest => Math.Max(1, Exact ?? Min ?? 1);

    /// <summary>The largest count allowed, never below <see cref="Lowest"/>.</summary>
    public int Highest => Math.Max(Lowest, Exact ?? Max ?? int.MaxValue);
}
