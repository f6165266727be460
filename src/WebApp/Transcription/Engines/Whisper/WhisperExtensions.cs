using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebApp.Infrastructure;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Engines.Whisper;

public static class WhisperExtensions
{
    /// <summary>
    /// The whisper models in the models folder as an <see cref="ISpeechEngineSource"/>, and the process's
    /// <see cref="CpuBudget"/>, which pocketsphinx's decoder pool then shares. Call after AddPocketSphinx.
    /// </summary>
    public static IServiceCollection AddWhisper(this IServiceCollection services)
    {
        services.AddOptions<WhisperOptions>().BindConfiguration(WhisperOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(_ => new CpuBudget());
        services.TryAddSingleton(provider => new AudioDecoder(provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ScratchDirectory));
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
        ShareCpuBudgetWithPocketSphinx(services);
        return services;
    }

    public static IHostApplicationBuilder AddWhisper(this IHostApplicationBuilder builder)
    {
        builder.Services.AddWhisper();
        return builder;
    }

    /// <summary>Verbatim:Engines:Whisper:ModelsDirectory, or <c>&lt;Verbatim:DataDirectory&gt;/models</c>.</summary>
    public static string ModelsDirectory(WhisperOptions options, VerbatimOptions verbatim) =>
        string.IsNullOrWhiteSpace(options.ModelsDirectory)
            ? Path.Combine(verbatim.DataDirectoryFullPath, "models")
            : Path.GetFullPath(options.ModelsDirectory);

    /// <summary>
    /// The decoder pool as AddPocketSphinx makes it, but taking each segment's core from the shared budget too, so a
    /// whisper window and pocketsphinx segments never run more threads together than there are cores. (Once the
    /// engines' refactoring lands, AddPocketSphinx can pass the budget itself and this goes.)
    /// </summary>
    private static void ShareCpuBudgetWithPocketSphinx(IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(DecoderPool)))
        {
            services.Replace(ServiceDescriptor.Singleton(provider =>
            {
                var options = provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value;
                return new DecoderPool(options.ModelDirectory, options.DecoderCount, provider.GetRequiredService<CpuBudget>());
            }));
        }
    }
}
