using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebApp.Infrastructure;
using WebApp.Transcription.Audio;

namespace WebApp.Transcription.Engines.Whisper;

public static class WhisperExtensions
{
    /// <summary>
    /// The whisper models in the models folder as an <see cref="ISpeechEngineSource"/>; their windows take cores from
    /// the process's <see cref="CpuBudget"/>, as pocketsphinx's segments do.
    /// </summary>
    public static IServiceCollection AddWhisper(this IServiceCollection services)
    {
        // One budget of cores for every engine's native work; whichever engine registers first makes it.
        services.TryAddSingleton(new CpuBudget());
        services.AddOptions<WhisperOptions>().BindConfiguration(WhisperOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WhisperOptions>>().Value;
            var cpu = provider.GetRequiredService<CpuBudget>();
            var audioDecoder = provider.GetRequiredService<AudioDecoder>();
            var logger = provider.GetRequiredService<ILogger<WhisperSpeechEngine>>();
            return new WhisperModelSource(ModelsDirectory(options, provider.GetRequiredService<IOptions<VerbatimOptions>>().Value),
                file => new WhisperSpeechEngine(file, audioDecoder, cpu, options.ThreadCount, logger));
        });
        services.AddSingleton<ISpeechEngineSource>(provider => provider.GetRequiredService<WhisperModelSource>());
        services.AddSingleton<WhisperModelInstaller>();
        return services;
    }

    /// <summary>Verbatim:Engines:Whisper:ModelsDirectory, or <c>&lt;Verbatim:DataDirectory&gt;/models</c>.</summary>
    public static string ModelsDirectory(WhisperOptions options, VerbatimOptions verbatim) =>
        string.IsNullOrWhiteSpace(options.ModelsDirectory)
            ? Path.Combine(verbatim.DataDirectoryFullPath, "models")
            : Path.GetFullPath(options.ModelsDirectory);

}
