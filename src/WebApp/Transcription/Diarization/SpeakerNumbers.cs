namespace WebApp.Transcription.Diarization;

/// <summary>Speaker numbers made dense from 0 in order of first appearance, as AssemblyAI's "A", "B", … are.</summary>
internal static class SpeakerNumbers
{
    public static int[] ByFirstAppearance(IEnumerable<int> speakers)
    {
        var numbers = new Dictionary<int, int>();
        return speakers.Select(speaker => numbers.TryGetValue(speaker, out var number) ? number : numbers[speaker] = numbers.Count).ToArray();
    }
}
