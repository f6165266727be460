using WebApp.Transcription.Model;

namespace WebApp.Transcription.Redaction;

/// <summary>An entity with the transcript words it covers (<see cref="FirstWord"/>..<see cref="LastWord"/>, inclusive).</summary>
internal sealed record FoundEntity(PiiEntity Entity, int FirstWord, int LastWord)
{
    private static readonly char[] Punctuation = ['.', ',', '?', '!', ';', ':', '"'];

    public static FoundEntity Of(IReadOnlyList<Word> words, RedactionView view, PiiMatch match)
    {
        var (first, last) = view.SourceWords(match.First, match.Last);
        var text = string.Join(' ', Enumerable.Range(first, last - first + 1).Select(i => words[i].Text)).Trim(Punctuation);
        return new FoundEntity(new PiiEntity(match.Policy, words[first].Start, words[last].End, text), first, last);
    }
}
