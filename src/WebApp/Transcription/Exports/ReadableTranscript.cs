using WebApp.Data.Entities;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Exports;

/// <summary>One block of the reader and of the txt and docx exports: a speaker's turn, or a paragraph.</summary>
/// <param name="Speaker">The speaker's label ("A"), or null when the transcript has no speaker labels.</param>
/// <param name="SpeakerName">What to call the speaker (a given name or "Speaker A"); null without labels.</param>
/// <param name="FirstWordIndex">Where the block starts in the transcript's words, so a click can name a word.</param>
public sealed record ReadableBlock(string? Speaker, string? SpeakerName, int FirstWordIndex, IReadOnlyList<Word> Words)
{
    public int Start => Words[0].Start;

    public int End => Words[^1].End;

    public string Text => string.Join(' ', Words.Select(w => w.Text));
}

/// <summary>
/// A transcript as people read it: words grouped into speaker turns when the words carry speakers (otherwise into
/// paragraphs), with the speakers' given names applied. The reader and the exports share it, so they agree.
/// </summary>
public sealed class ReadableTranscript
{
    public const string UntitledTitle = TranscriptTitles.Untitled;

    private ReadableTranscript(string title, IReadOnlyList<Word> words, SpeakerNames names)
    {
        Title = title;
        Words = words;
        SpeakerNames = names;
        Speakers = words.Select(w => w.Speaker).OfType<string>().Distinct().ToList();
        var segments = Speakers.Count > 0 ? TranscriptSegmenter.Utterances(words) : TranscriptSegmenter.Paragraphs(words);
        var blocks = new List<ReadableBlock>(segments.Count);
        var index = 0;
        foreach (var segment in segments)
        {
            blocks.Add(new ReadableBlock(segment.Speaker, segment.Speaker is { } label ? names.Display(label) : null, index, segment.Words));
            index += segment.Words.Count;
        }

        Blocks = blocks;
    }

    public string Title { get; }

    public IReadOnlyList<Word> Words { get; }

    public SpeakerNames SpeakerNames { get; }

    /// <summary>Speaker labels in order of first appearance; empty without speaker labels.</summary>
    public IReadOnlyList<string> Speakers { get; }

    public IReadOnlyList<ReadableBlock> Blocks { get; }

    public static ReadableTranscript From(Transcript transcript) => new(
        TranscriptTitles.Display(transcript.Title),
        transcript.DeletedAt is null ? StoredWords.Read(transcript) : [],
        SpeakerNames.Parse(transcript.SpeakerNamesJson));

    public static ReadableTranscript From(string title, IReadOnlyList<Word> words, SpeakerNames names) => new(title, words, names);

    /// <summary>
    /// The word being spoken at <paramref name="milliseconds"/>: the last one to start by then. The player's script
    /// (TranscriptReader.razor.js) follows the same rule, so a ?t= link and playback highlight the same word.
    /// </summary>
    /// <returns>Null before the first word.</returns>
    public int? WordIndexAt(int milliseconds)
    {
        int low = 0, high = Words.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Words[middle].Start <= milliseconds)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : found;
    }

    /// <summary>The position of a speaker among <see cref="Speakers"/>, which picks their colour.</summary>
    public int SpeakerNumber(string label)
    {
        for (var i = 0; i < Speakers.Count; i++)
        {
            if (Speakers[i] == label)
            {
                return i;
            }
        }

        return 0;
    }
}
