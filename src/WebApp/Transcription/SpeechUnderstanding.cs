using WebApp.Api.V2;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
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
    public async Task<UnderstoodSpeech> ApplyAsync(RecognitionRequest request, RecognitionResult recognition, TranscriptParams options, CancellationToken cancellationToken)
    {
        // On a multichannel transcript each channel is a speaker of its own, named by its number as AssemblyAI does.
        IReadOnlyList<TranscriptWord> words = recognition.Words
            .Select(w => new TranscriptWord(w.Text, w.StartMs, w.EndMs, Math.Round(w.Confidence, 5), ChannelName(w.Channel), ChannelName(w.Channel)))
            .ToList();

        if (options.SpeakerLabels == true && words.Count > 0)
        {
            words = await LabelSpeakersAsync(request, recognition.Words, words, options, cancellationToken);
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

    /// <summary>
    /// Speakers "A", "B", …; on a multichannel transcript each channel is diarized on its own and its speakers are
    /// "1A", "1B", "2A", ….
    /// </summary>
    private async Task<IReadOnlyList<TranscriptWord>> LabelSpeakersAsync(
        RecognitionRequest request, IReadOnlyList<RecognizedWord> recognized, IReadOnlyList<TranscriptWord> words, TranscriptParams options, CancellationToken cancellationToken)
    {
        var hint = new SpeakerCountHint(options.SpeakersExpected, options.SpeakerOptions?.MinSpeakersExpected, options.SpeakerOptions?.MaxSpeakersExpected);
        var labelled = words.ToArray();
        foreach (var channel in recognized.Select(w => w.Channel).Distinct())
        {
            var indexes = Enumerable.Range(0, recognized.Count).Where(i => recognized[i].Channel == channel).ToArray();

            // Decoding again costs about 1% of recognition and keeps the engine's interface to words alone.
            using var audio = await decoder.DecodeAsync(request.AudioPath, request.Window, channel, cancellationToken);
            var relative = indexes.Select(i => recognized[i] with { StartMs = recognized[i].StartMs - audio.OffsetMs, EndMs = recognized[i].EndMs - audio.OffsetMs }).ToList();
            var speakers = await diarizer.AssignSpeakersAsync(audio, relative, hint, cancellationToken);
            for (var k = 0; k < indexes.Length; k++)
            {
                labelled[indexes[k]] = labelled[indexes[k]] with { Speaker = ChannelName(channel) + SpeakerLabel.For(speakers[k]) };
            }
        }

        return labelled;
    }

    private static string? ChannelName(int? channel) => channel?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
