using Microsoft.Extensions.Options;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Language;

public static class LanguageDetectionExtensions
{
    /// <summary>language_detection: the identifier (its decoder is loaded on the first request that asks) and the job step.</summary>
    public static IServiceCollection AddLanguageDetection(this IServiceCollection services)
    {
        services.AddSingleton(provider => new LanguageIdentifier(
            provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ModelDirectory, provider.GetRequiredService<SpeechSegmenter>()));
        services.AddSingleton<LanguageDetector>();
        return services;
    }
}
