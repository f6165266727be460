using WebApp.Transcription.Model;

namespace WebApp.Transcription.Exports;

/// <summary>A run of consecutive words: a sentence, a paragraph, an utterance or a caption.</summary>
public sealed record TextBlock(IReadOnlyList<Word> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    public int Start => Words[0].Start;

    public int End => Words[^1].End;

    public double Confidence => Math.Round(Words.Average(w => w.Confidence), 5);

    public string? Speaker => Words[0].Speaker;

    public string? Channel => Words[0].Channel;
}
