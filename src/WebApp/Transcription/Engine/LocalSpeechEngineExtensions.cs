using Microsoft.Extensions.Options;
using WebApp.Transcription.Engine.Keyterms;

namespace WebApp.Transcription.Engine;

public static class LocalSpeechEngineExtensions
{
    /// <summary>The pocketsphinx engine as the <see cref="ISpeechEngine"/>, with its decoder pool and ffmpeg decoder.</summary>
    public static IServiceCollection AddLocalSpeechEngine(this IServiceCollection services)
    {
        services.AddOptions<LocalEngineOptions>().BindConfiguration(LocalEngineOptions.Section).ValidateDataAnnotations()
            .Validate(options => Directory.Exists(Path.Combine(options.ModelDirectory, "en-us")),
                $"{LocalEngineOptions.Section}:ModelDirectory must hold the pocketsphinx en-us model (Debian package pocketsphinx-en-us).")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LocalEngineOptions>>().Value;
            return new DecoderPool(options.ModelDirectory, options.DecoderCount);
        });
        services.AddSingleton(provider => new AudioDecoder(provider.GetRequiredService<IOptions<LocalEngineOptions>>().Value.ScratchDirectory));
        services.AddSingleton(new SpeechSegmenter());
        services.AddSingleton(provider => new KeytermPronouncer(
            provider.GetRequiredService<IOptions<LocalEngineOptions>>().Value.ModelDirectory,
            provider.GetRequiredService<ILogger<KeytermPronouncer>>()));
        services.AddSingleton<LocalSpeechEngine>();
        services.AddSingleton<ISpeechEngine>(provider => provider.GetRequiredService<LocalSpeechEngine>());
        return services;
    }
}
