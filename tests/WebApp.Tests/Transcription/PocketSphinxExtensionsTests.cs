using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Tests.Transcription;

public sealed class PocketSphinxExtensionsTests
{
    [Fact]
    public void AddPocketSphinx_WithConfiguration_ResolvesOneEngineWithAPoolOfTheConfiguredSize()
    {
        using var services = Build(new() { ["Verbatim:Engines:PocketSphinx:Decoders"] = "3" });

        var engine = services.GetRequiredService<ISpeechEngine>();

        Assert.Same(services.GetRequiredService<PocketSphinxEngine>(), engine);
        Assert.Equal("pocketsphinx-en-us", engine.Name);
        var pool = services.GetRequiredService<DecoderPool>();
        Assert.Equal(3, pool.Size);
        Assert.Equal(0, pool.LoadedCount);
    }

    [Fact]
    public void AddPocketSphinx_WithoutDecoderCount_UsesOnePerCore()
    {
        using var services = Build([]);

        Assert.Equal(Environment.ProcessorCount, services.GetRequiredService<DecoderPool>().Size);
    }

    [Fact]
    public void AddPocketSphinx_ModelDirectoryWithoutModel_FailsValidationNamingTheSetting()
    {
        using var services = Build(new() { ["Verbatim:Engines:PocketSphinx:ModelDirectory"] = "/nonexistent" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PocketSphinxOptions>>().Value);

        Assert.Contains("Verbatim:Engines:PocketSphinx:ModelDirectory", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddPocketSphinx()
            .BuildServiceProvider();
    }
}
