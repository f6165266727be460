using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>A made-up conversation as a 16 kHz mono WAV, with who spoke when.</summary>
/// <param name="Reference">Turns in time order; speakers numbered by first appearance, as the diarizer numbers them.</param>
public sealed record Conversation(string Path, IReadOnlyList<SpeakerTurn> Reference, IReadOnlyList<ConversationVoice> Voices)
{
    internal static readonly string[] Sentences =
    [
        "The committee will meet again on Thursday to review the budget for next year.",
        "She opened the window and listened to the rain falling on the garden.",
        "We should call the office tomorrow morning and ask about the delivery.",
        "The old bridge across the river was closed for repairs last summer.",
        "Please remember to turn off the lights when you leave the building.",
        "Our train was late because of snow on the line near the station.",
        "The doctor said that a short walk every day would help him recover.",
        "I would like to book a table for four people at seven o'clock.",
        "After dinner the children played games in the living room until bedtime.",
        "My sister moved to the city to work for a small design company.",
        "We walked along the beach and watched the boats come back to the harbour.",
        "Could you send me a copy of the contract before the meeting on Monday?",
        "Every morning the baker opens his shop at six and sells fresh bread.",
        "I think we need more time to test the new version before we ship it.",
    ];

    /// <summary>Lines of one to two seconds: the short turns that a diarizer most easily loses.</summary>
    private static readonly string[] ShortLines =
    [
        "Yes, that sounds right to me.", "No, I don't think so.", "Okay, let's do that then.", "Really? I had no idea.",
        "Sure, I can do that.", "Wait, which one do you mean?", "That's a good question.", "Right, go on.",
        "I agree with that.", "Maybe next week instead.",
    ];

    public int SpeakerCount => Voices.Count;

    public double DurationSeconds => Reference[^1].EndMs / 1000.0;

    /// <summary>
    /// <paramref name="turns"/> turns among <paramref name="voices"/>, each turn a different speaker from the one
    /// before, every speaker within the first few turns, about <paramref name="shortShare"/> of them short, with pauses
    /// of 0.15–0.7 s between turns and no overlap. The same seed gives the same conversation. The last
    /// <paramref name="quietVoices"/> voices say one sentence each and nothing more.
    /// </summary>
    public static Conversation Build(string directory, IReadOnlyList<ConversationVoice> voices, int turns, int seed, double shortShare = 0.4, int quietVoices = 0)
    {
        var random = new Random(seed);
        var talkers = voices.Count - quietVoices;
        var order = voices.Select((_, index) => index).OrderBy(_ => random.Next()).ToList();
        while (order.Count < turns)
        {
            int next;
            do
            {
                next = (order[^1] + 1 + random.Next(voices.Count - 1)) % voices.Count;
            }
            while (next >= talkers);

            order.Add(next);
        }

        var parts = new List<string>();
        var reference = new List<SpeakerTurn>();
        var linesSaid = new int[voices.Count];
        var numbers = new Dictionary<int, int>();
        var positionMs = 0;
        foreach (var (voice, turn) in order.Select((voice, turn) => (voice, turn)))
        {
            var isShort = random.NextDouble() < shortShare && voice < talkers;
            var text = isShort ? ShortLines[random.Next(ShortLines.Length)] : Sentences[random.Next(Sentences.Length)];
            var clip = voices[voice].Say(text, isShort, linesSaid[voice]++, System.IO.Path.Combine(directory, $"turn-{seed}-{turn}.wav"));
            var durationMs = (int)Math.Round(TestAudio.DurationSeconds(clip) * 1000);
            var pauseMs = 150 + random.Next(550);
            parts.Add(TestAudio.Silence(pauseMs / 1000.0, System.IO.Path.Combine(directory, $"pause-{seed}-{turn}.wav")));
            parts.Add(clip);
            positionMs += pauseMs;
            if (!numbers.TryGetValue(voice, out var speaker))
            {
                speaker = numbers[voice] = numbers.Count;
            }

            reference.Add(new SpeakerTurn(positionMs, positionMs + durationMs, speaker));
            positionMs += durationMs;
        }

        parts.Add(TestAudio.Silence(0.5, System.IO.Path.Combine(directory, $"pause-{seed}-end.wav")));
        var path = TestAudio.Concat(System.IO.Path.Combine(directory, $"conversation-{seed}.wav"), parts);
        parts.ForEach(File.Delete);
        return new Conversation(path, reference, order.Distinct().Select(index => voices[index]).ToArray());
    }
}
