using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <summary>The part of a file to decode, in milliseconds from its start (audio_start_from / audio_end_at).</summary>
/// <param name="StartMs">Where decoding starts; 0 for the beginning.</param>
/// <param name="EndMs">Where it stops; null for the end of the file.</param>
public sealed record AudioWindow(int StartMs = 0, int? EndMs = null)
{
    public static readonly AudioWindow Whole = new();

    public bool IsWhole => StartMs == 0 && EndMs is null;
}
