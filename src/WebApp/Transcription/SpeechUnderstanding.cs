using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Transcription;

/// <summary>What a transcript holds once recognition and the requested understanding steps have run.</summary>
public sealed record UnderstoodSpeech(IReadOnlyList<Word> Words, string Text)
{
    /// <summary>What entity_detection, auto_highlights and sentiment_analysis found; null when none was asked for.</summary>
    public TranscriptInsights? Insights { get; init; }

    /// <summary>What PII redaction replaced, with the times redact_pii_audio beeps; empty without redact_pii.</summary>
    public IReadOnlyList<PiiEntity> RedactedPii { get; init; } = [];
}

/// <summary>A step the request asked for cannot be done on this audio; the message is the transcript's error.</summary>
public sealed class UnderstandingRefusedException(string message) : Exception(message);

/// <summary>
/// The steps after recognition, in the order AssemblyAI applies them: speakers (diarization), then text formatting,
/// then PII redaction, then audio intelligence (entities, highlights, sentiment). Each runs only when the request asks
/// for it.
/// </summary>
public sealed class SpeechUnderstanding(AudioDecoder decoder, SpeakerDiarizer diarizer)
{
    /// <param name="capabilities">What the engine that recognised the words does itself (whisper already formats its text).</param>
    /// <param name="languageCode">The transcript's language, when it is known to be other than English.</param>
    /// <exception cref="UnderstandingRefusedException">A step asked for works on English only and the speech is not English.</exception>
    public async Task<UnderstoodSpeech> ApplyAsync(
        RecognitionRequest request, RecognitionResult recognition, TranscriptOptions options, EngineCapabilities capabilities, string? languageCode, CancellationToken cancellationToken)
    {
        var english = languageCode is null || LanguageCodes.Base(languageCode) == "en";
        if (!english && options.Redaction is not null)
        {
            // Detection found another language after the request was accepted: redacting with English rules would leak.
            throw new UnderstandingRefusedException(
                $"PII redaction works on English only, and the audio's language is '{LanguageCodes.Base(languageCode!)}'. Transcribe it without redact_pii, or choose English.");
        }

        if (!english && TranscriptOptionsValidator.EnglishOnlyInsight(options.Insights) is { } insight)
        {
            throw new UnderstandingRefusedException(
                $"{insight} works on English only, and the audio's language is '{LanguageCodes.Base(languageCode!)}'. Transcribe it without {insight}, or choose English.");
        }

        // On a multichannel transcript each channel is a speaker of its own, named by its number as AssemblyAI does.
        IReadOnlyList<Word> words = recognition.Words
            .Select(w => new Word(w.Text, w.StartMs, w.EndMs, Math.Round(w.Confidence, 5), ChannelName(w.Channel), ChannelName(w.Channel)))
            .ToList();

        if (options.Speakers.Label && words.Count > 0)
        {
            words = await LabelSpeakersAsync(request, recognition.Words, words, options, cancellationToken);
        }

        words = TranscriptFormatter.Format(words, options.Formatting, written: capabilities.WritesFormattedText || !english);

        var formatted = words;
        IReadOnlyList<PiiEntity> redacted = [];
        if (options.Redaction is { } redaction)
        {
            (words, redacted) = PiiRedactor.Redact(words, redaction.Policies, redaction.Substitution ?? PiiSubstitution.Hash);
        }

        return new UnderstoodSpeech(words, TranscriptFormatter.JoinText(words))
        {
            RedactedPii = redacted,
            Insights = TranscriptAnalyzer.Analyze(formatted, words, options.Insights),
        };
    }

    /// <summary>
    /// Speakers "A", "B", …; on a multichannel transcript each channel is diarized on its own and its speakers are
    /// "1A", "1B", "2A", ….
    /// </summary>
    private async Task<IReadOnlyList<Word>> LabelSpeakersAsync(
        RecognitionRequest request, IReadOnlyList<RecognizedWord> recognized, IReadOnlyList<Word> words, TranscriptOptions options, CancellationToken cancellationToken)
    {
        var hint = options.Speakers.Hint;
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
