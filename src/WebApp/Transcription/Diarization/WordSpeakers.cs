using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Diarization;

/// <summary>Gives each recognised word the speaker whose turns overlap it most, or whose turn is nearest if none does.</summary>
internal static class WordSpeakers
{
    /// <param name="turns">In time order, not overlapping.</param>
    /// <returns>0-based speakers renumbered by first appearance among the words, so the first word is always "A".</returns>
    public static IReadOnlyList<int> Assign(IReadOnlyList<RecognizedWord> words, IReadOnlyList<SpeakerTurn> turns)
    {
        if (turns.Count == 0)
        {
            return new int[words.Count];
        }

        return SpeakerNumbers.ByFirstAppearance(words.Select(word => SpeakerOf(word, turns)));
    }

    private static int SpeakerOf(RecognizedWord word, IReadOnlyList<SpeakerTurn> turns)
    {
        var first = FirstEndingAfter(turns, word.StartMs);
        var overlapBySpeaker = new Dictionary<int, int>();
        for (var i = first; i < turns.Count && turns[i].StartMs < word.EndMs; i++)
        {
            var overlap = Math.Min(word.EndMs, turns[i].EndMs) - Math.Max(word.StartMs, turns[i].StartMs);
            overlapBySpeaker[turns[i].Speaker] = overlapBySpeaker.GetValueOrDefault(turns[i].Speaker) + overlap;
        }

        if (overlapBySpeaker.Count > 0)
        {
            return overlapBySpeaker.MaxBy(pair => pair.Value).Key;
        }

        // In a pause between turns: the closer of the turn before and the turn after.
        var before = first > 0 ? turns[first - 1] : (SpeakerTurn?)null;
        var after = first < turns.Count ? turns[first] : (SpeakerTurn?)null;
        return after is null || (before is not null && word.StartMs - before.Value.EndMs <= after.Value.StartMs - word.EndMs)
            ? before!.Value.Speaker
            : after.Value.Speaker;
    }

    /// <summary>Index of the first turn that ends after <paramref name="ms"/> (turns.Count if none), by binary search.</summary>
    private static int FirstEndingAfter(IReadOnlyList<SpeakerTurn> turns, int ms)
    {
        var (low, high) = (0, turns.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (turns[middle].EndMs > ms)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
