namespace WebApp.Transcription.Diarization;

/// <summary>AssemblyAI names speakers "A", "B", … in order of appearance; past "Z" it goes on "AA", "AB", ….</summary>
public static class SpeakerLabel
{
    public static string For(int speaker)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speaker);
        var label = "";
        for (var rest = speaker + 1; rest > 0; rest = (rest - 1) / 26)
        {
            label = (char)('A' + (rest - 1) % 26) + label;
        }

        return label;
    }
}
