using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Language;

/// <summary>The job's language_detection step: decodes the audio, identifies its language, applies the request's rules.</summary>
public sealed class LanguageDetector(AudioDecoder decoder, LanguageIdentifier identifier, ILogger<LanguageDetector> logger)
{
    /// <exception cref="LanguageRejectedException">The audio is not English, has no speech, or is below the confidence threshold.</exception>
    public async Task<DetectedLanguage> DetectAsync(RecognitionRequest request, LanguageOptions options, CancellationToken cancellationToken)
    {
        // Decoding again costs about 1% of recognition and keeps the engine's interface to words alone.
        // The part of the file that will be transcribed (audio_start_from / audio_end_at), all channels mixed.
        using var audio = await decoder.DecodeAsync(request.AudioPath, request.Window, channel: null, cancellationToken);
        var identification = await identifier.IdentifyAsync(audio, cancellationToken);
        var language = LanguageVerdict.Decide(identification, options);
        logger.LogInformation("Language detection: P(English) {EnglishProbability:F3} over {SpeechSeconds:F1} s of speech", identification.EnglishProbability, identification.SpeechSeconds);
        return language.Error is null ? language : throw new LanguageRejectedException(language);
    }
}
