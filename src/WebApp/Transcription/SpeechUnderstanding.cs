using WebApp.Api.V2;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engine;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Redaction;

namespace WebApp.Transcription;

/// <summary>What a transcript holds once recognition and the requested understanding steps have run.</summary>
public sealed record UnderstoodSpeech(IReadOnlyList<TranscriptWord> Words, string Text)
{
    /// <summary>What PII redaction replaced, with the times redact_pii_audio beeps; empty without redact_pii.</summary>
    public IReadOnlyList<PiiEntity> RedactedPii { get; init; } = [];
}

/// <summary>
/// The steps after recognition, in the order AssemblyAI applies them: speakers (diarization), then text formatting,
/// then PII redaction. Each runs only when the request asks for it.
/// </summary>
public sealed class SpeechUnderstanding(AudioDecoder decoder, SpeakerDiarizer diarizer)
{
    public async Task<UnderstoodSpeech> ApplyAsync(string audioPath, RecognitionResult recognition, TranscriptParams options, CancellationToken cancellationToken)
    {
        IReadOnlyList<TranscriptWord> words = recognition.Words
            .Select(w => new TranscriptWord(w.Text, w.StartMs, w.EndMs, Math.Round(w.Confidence, 5)))
            .ToList();

        if (options.SpeakerLabels == true && words.Count > 0)
        {
            words = await LabelSpeakersAsync(audioPath, recognition.Words, words, options, cancellationToken);
        }

        var spellings = CustomSpellingReader.Read(options.CustomSpelling).Spellings;
        words = TranscriptFormatter.Format(words, FormattingOptions.FromRequest(
            options.Punctuate, options.FormatText, options.Disfluencies, options.FilterProfanity, spellings));

        IReadOnlyList<PiiEntity> redacted = [];
        if (options.RedactPii == true)
        {
            PiiSubstitutionNames.TryParse(options.RedactPiiSub, out var substitution);
            (words, redacted) = PiiRedactor.Redact(words, options.RedactPiiPolicies ?? [], substitution);
        }

        return new UnderstoodSpeech(words, TranscriptFormatter.JoinText(words)) { RedactedPii = redacted };
    }

    private async Task<IReadOnlyList<TranscriptWord>> LabelSpeakersAsync(
        string audioPath, IReadOnlyList<RecognizedWord> recognized, IReadOnlyList<TranscriptWord> words, TranscriptParams options, CancellationToken cancellationToken)
    {
        // Decoding again costs about 1% of recognition and keeps the engine's interface to words alone.
        using var audio = await decoder.DecodeAsync(audioPath, cancellationToken);
        var hint = new SpeakerCountHint(options.SpeakersExpected, options.SpeakerOptions?.MinSpeakersExpected, options.SpeakerOptions?.MaxSpeakersExpected);
        var speakers = await diarizer.AssignSpeakersAsync(audio, recognized, hint, cancellationToken);
        return words.Select((w, i) => w with { Speaker = SpeakerLabel.For(speakers[i]) }).ToList();
    }
}
