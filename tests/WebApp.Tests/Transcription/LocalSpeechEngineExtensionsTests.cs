using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebApp.Transcription.Engine;

namespace WebApp.Tests.Transcription;

public sealed class LocalSpeechEngineExtensionsTests
{
    [Fact]
    public void AddLocalSpeechEngine_WithConfiguration_ResolvesOneEngineWithAPoolOfTheConfiguredSize()
    {
        using var services = Build(new() { ["Verbatim:Transcription:LocalEngine:Decoders"] = "3" });

        var engine = services.GetRequiredService<ISpeechEngine>();

        Assert.Same(services.GetRequiredService<LocalSpeechEngine>(), engine);
        Assert.Equal("pocketsphinx-en-us", engine.ModelNames[0]);
        var pool = services.GetRequiredService<DecoderPool>();
        Assert.Equal(3, pool.Size);
        Assert.Equal(0, pool.LoadedCount);
    }

    [Fact]
    public void AddLocalSpeechEngine_WithoutDecoderCount_UsesOnePerCore()
    {
        using var services = Build([]);

        Assert.Equal(Environment.ProcessorCount, services.GetRequiredService<DecoderPool>().Size);
    }

    [Fact]
    public void AddLocalSpeechEngine_ModelDirectoryWithoutModel_FailsValidationNamingTheSetting()
    {
        using var services = Build(new() { ["Verbatim:Transcription:LocalEngine:ModelDirectory"] = "/nonexistent" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LocalEngineOptions>>().Value);

        Assert.Contains("Verbatim:Transcription:LocalEngine:ModelDirectory", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLocalSpeechEngine()
            .BuildServiceProvider();
    }
}
