namespace WebApp.Transcription.Diarization;

/// <summary>A stretch of audio spoken by one speaker.</summary>
/// <param name="Speaker">0-based, numbered in order of first appearance (0 is AssemblyAI's "A").</param>
public readonly record struct SpeakerTurn(int StartMs, int EndMs, int Speaker)
{
    public int DurationMs => EndMs - StartMs;
}
