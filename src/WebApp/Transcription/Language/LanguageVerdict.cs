using System.Globalization;
using WebApp.Api.V2;

namespace WebApp.Transcription.Language;

/// <summary>What a transcript reports after detection: language_code, language_confidence, and the job's error if any.</summary>
/// <param name="Code">"en", or null when the speech is not English (this server cannot say which language it is).</param>
/// <param name="Confidence">How sure detection is of <paramref name="Code"/>, or (when null) that the speech is not English.</param>
/// <param name="Error">Why the job must stop, in AssemblyAI's words where AssemblyAI has them; null to go on.</param>
public sealed record DetectedLanguage(string? Code, double? Confidence, string? Error);

/// <summary>
/// Turns an identification into what the transcript says, following the request's language_detection_options and
/// language_confidence_threshold. The local engine can only transcribe English, so speech that is not English ends the
/// job with an error rather than a transcript of English words the speaker never said.
/// </summary>
public static class LanguageVerdict
{
    public const string English = "en";

    public const string NoSpeechError = "language_detection cannot be performed on files with no spoken audio.";

    public static DetectedLanguage Decide(LanguageIdentification identification, TranscriptParams options)
    {
        if (!identification.HasSpeech)
        {
            return new DetectedLanguage(null, null, NoSpeechError);
        }

        var englishConfidence = Math.Round(identification.EnglishProbability, 4);
        // expected_languages of English codes only restricts the choice to English, as AssemblyAI restricts it to the
        // listed candidates: the answer is English, with however little confidence the audio earns.
        if (!identification.IsEnglish && !OnlyEnglishExpected(options))
        {
            var notEnglish = Math.Round(1 - identification.EnglishProbability, 4);
            return new DetectedLanguage(null, notEnglish,
                $"The audio's language is not English (English confidence {Format(englishConfidence)}); this server's local speech engine transcribes English only.");
        }

        if (options.LanguageConfidenceThreshold is { } threshold && englishConfidence < threshold)
        {
            return new DetectedLanguage(English, englishConfidence,
                $"detected language '{English}', confidence {Format(englishConfidence)}, is below the requested confidence threshold value of '{Format(threshold)}'");
        }

        return new DetectedLanguage(English, englishConfidence, null);
    }

    private static bool OnlyEnglishExpected(TranscriptParams options) =>
        options.LanguageDetectionOptions?.ExpectedLanguages is { Count: > 0 } expected
        && expected.All(code => TranscriptCapabilities.LanguageCodes.Contains(code));

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Detection decided the audio cannot be transcribed here; the message is the transcript's error.</summary>
public sealed class LanguageRejectedException(DetectedLanguage language) : Exception(language.Error)
{
    public DetectedLanguage Language { get; } = language;
}
