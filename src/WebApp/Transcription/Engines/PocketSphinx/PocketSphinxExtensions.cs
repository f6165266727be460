using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebApp.Limits;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Transcription.Engines.PocketSphinx;

public static class PocketSphinxExtensions
{
    /// <summary>The pocketsphinx engine as the <see cref="ISpeechEngine"/>, with its decoder pool and ffmpeg decoder.</summary>
    public static IServiceCollection AddPocketSphinx(this IServiceCollection services)
    {
        services.AddOptions<PocketSphinxOptions>().BindConfiguration(PocketSphinxOptions.Section).ValidateDataAnnotations()
            .Validate(options => Directory.Exists(Path.Combine(options.ModelDirectory, "en-us")),
                $"{PocketSphinxOptions.Section}:ModelDirectory must hold the pocketsphinx en-us model (Debian package pocketsphinx-en-us).")
            .ValidateOnStart();
        // One budget of cores for every engine's native work; whichever engine registers first makes it.
        services.TryAddSingleton(new CpuBudget());
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value;
            return new DecoderPool(options.ModelDirectory, options.DecoderCount, provider.GetRequiredService<CpuBudget>(), provider.GetService<BatchPriority>());
        });
        services.AddSingleton(provider => new AudioDecoder(
            provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ScratchDirectory,
            provider.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxAudioHours * 3600,
            provider.GetService<BatchPriority>()));
        services.AddSingleton(new SpeechSegmenter());
        services.AddSingleton(provider => new KeytermPronouncer(
            provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ModelDirectory,
            provider.GetRequiredService<ILogger<KeytermPronouncer>>()));
        services.AddSingleton<PocketSphinxEngine>();
        services.AddSingleton<ISpeechEngine>(provider => provider.GetRequiredService<PocketSphinxEngine>());
        services.AddSingleton<ISpeechEngineSource>(provider => new PocketSphinxSource(provider.GetRequiredService<PocketSphinxEngine>()));
        return services;
    }
}

/// <summary>pocketsphinx is always installed: one engine, the Debian en-us model.</summary>
internal sealed class PocketSphinxSource(PocketSphinxEngine engine) : ISpeechEngineSource
{
    public IReadOnlyList<ISpeechEngine> Engines { get; } = [engine];
}
