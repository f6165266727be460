using System.Globalization;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Model;

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

    public static DetectedLanguage Decide(LanguageIdentification identification, LanguageOptions options)
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

        return Threshold(English, englishConfidence, options);
    }

    /// <summary>
    /// The verdict on a language an engine identified itself (whisper's multilingual models): the language it heard,
    /// unless that is not among expected_languages, or detection was less sure than language_confidence_threshold.
    /// </summary>
    /// <returns>The verdict, and the fallback language to transcribe in instead when the one heard was not expected.</returns>
    public static (DetectedLanguage Verdict, string? Fallback) DecideIdentified(IdentifiedLanguage? identified, LanguageOptions options)
    {
        if (identified is null)
        {
            return (new DetectedLanguage(null, null, NoSpeechError), null);
        }

        var confidence = Math.Round(identified.Probability, 4);
        var expected = options.Candidates?.Expected?.Where(code => code != "all").Select(LanguageCodes.Base).ToHashSet();
        if (expected is { Count: > 0 } && !expected.Contains(identified.Code))
        {
            return options.Candidates?.Fallback is { } fallback && fallback != "auto"
                ? (new DetectedLanguage(LanguageCodes.Base(fallback), null, null), LanguageCodes.Base(fallback))
                : (new DetectedLanguage(identified.Code, confidence,
                    $"detected language '{identified.Code}' is not one of the expected_languages ({string.Join(", ", expected.Order(StringComparer.Ordinal))})"), null);
        }

        return (Threshold(identified.Code, confidence, options), null);
    }

    private static DetectedLanguage Threshold(string code, double confidence, LanguageOptions options) =>
        options.ConfidenceThreshold is { } threshold && confidence < threshold
            ? new DetectedLanguage(code, confidence,
                $"detected language '{code}', confidence {Format(confidence)}, is below the requested confidence threshold value of '{Format(threshold)}'")
            : new DetectedLanguage(code, confidence, null);

    private static bool OnlyEnglishExpected(LanguageOptions options) =>
        options.Candidates?.Expected is { Count: > 0 } expected
        && expected.All(code => LanguageCodes.Base(code) == English);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Detection decided the audio cannot be transcribed here; the message is the transcript's error.</summary>
public sealed class LanguageRejectedException(DetectedLanguage language) : Exception(language.Error)
{
    public DetectedLanguage Language { get; } = language;
}
