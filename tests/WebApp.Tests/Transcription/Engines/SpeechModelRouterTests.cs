using Microsoft.Extensions.Options;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Engines;

/// <summary>speech_models routing over engines described only by their capabilities (no model runs here).</summary>
public sealed class SpeechModelRouterTests
{
    private static readonly DescribedEngine PocketSphinx = new("pocketsphinx-en-us", new() { Languages = Set("en"), Keyterms = true, Channels = true, AccuracyRank = 1 });
    private static readonly DescribedEngine WhisperSmallEn = new("whisper-small.en", new() { Languages = Set("en"), Keyterms = true, Channels = true, AccuracyRank = 4 });
    private static readonly DescribedEngine WhisperLarge = new("whisper-large-v3", new() { Languages = Set("en", "de", "fr"), IdentifiesLanguage = true, AccuracyRank = 6 });

    [Fact]
    public void Choose_OnlyPocketsphinx_ServesEveryAssemblyAiName()
    {
        var router = Router([PocketSphinx]);
        foreach (var name in new[] { "universal-3-pro", "universal-2", "universal", "best", "nano", "slam-1" })
        {
            Assert.Same(PocketSphinx, router.Choose(Options(name)).Engine);
        }

        Assert.Same(PocketSphinx, router.Choose(Options()).Engine);
    }

    [Fact]
    public void Choose_WithWhisperInstalled_BestNamesGetTheLargestAndNanoGetsPocketsphinx()
    {
        var router = Router([PocketSphinx, WhisperSmallEn, WhisperLarge]);

        Assert.Same(WhisperLarge, router.Choose(Options("universal-3-pro")).Engine);
        Assert.Same(WhisperLarge, router.Choose(Options()).Engine);
        Assert.Same(PocketSphinx, router.Choose(Options("nano")).Engine);
        Assert.Same(WhisperSmallEn, router.Choose(Options("whisper-small.en")).Engine);
    }

    [Fact]
    public void Choose_FirstNameCannotDoTheOptions_FallsThroughToTheNext()
    {
        var router = Router([PocketSphinx, WhisperLarge]);

        // whisper-large cannot bias toward key terms; pocketsphinx can.
        var keyterms = Options("whisper-large-v3", "nano") with { Keyterms = ["Okonkwo"] };
        Assert.Same(PocketSphinx, router.Choose(keyterms).Engine);

        // German: pocketsphinx is English only, so "nano" falls through to the multilingual model.
        var german = Options("nano") with { Language = new LanguageOptions("de") };
        Assert.Same(WhisperLarge, router.Choose(german).Engine);
    }

    [Fact]
    public void Choose_ModelNotInstalled_FallsThroughAndNamesWhatIs()
    {
        var router = Router([PocketSphinx]);

        Assert.Same(PocketSphinx, router.Choose(Options("whisper-medium", "nano")).Engine);
        var none = router.Choose(Options("whisper-medium"));
        Assert.Null(none.Engine);
        Assert.Contains("Installed: pocketsphinx-en-us (en)", none.Error);
    }

    [Fact]
    public void Choose_NoInstalledModelKnowsTheLanguage_SaysSoAndListsThem()
    {
        var choice = Router([PocketSphinx]).Choose(Options("universal-3-pro") with { Language = new LanguageOptions("fr") });

        Assert.Null(choice.Engine);
        Assert.Equal("language_code \"fr\" is not supported by the installed speech models: pocketsphinx-en-us (en).", choice.Error);
    }

    [Fact]
    public void Choose_NothingListedCanDoTheOptions_SaysWhyForEachEngine()
    {
        var choice = Router([PocketSphinx, WhisperLarge]).Choose(Options("whisper-large-v3") with { Keyterms = ["Okonkwo"] });

        Assert.Null(choice.Engine);
        Assert.Contains("whisper-large-v3 cannot use keyterms_prompt", choice.Error);
        Assert.Contains("Installed: whisper-large-v3 (de, en, fr), pocketsphinx-en-us (en)", choice.Error);
    }

    [Fact]
    public void Choose_UnknownName_IsRefusedWithTheKnownOnes()
    {
        var choice = Router([PocketSphinx]).Choose(Options("gpt-voice"));

        Assert.Null(choice.Engine);
        Assert.StartsWith("Unknown speech model \"gpt-voice\". Supported: ", choice.Error);
        Assert.Contains("universal-3-pro", choice.Error);
        Assert.Contains("pocketsphinx-en-us", choice.Error);
    }

    [Fact]
    public void Choose_AliasesFromConfiguration_ReplaceTheDefaults()
    {
        var settings = new SpeechModelOptions { Aliases = { ["universal-3-pro"] = ["whisper-small*"] }, DefaultSpeechModels = ["nano"] };
        var router = Router([PocketSphinx, WhisperSmallEn, WhisperLarge], settings);

        Assert.Same(WhisperSmallEn, router.Choose(Options("universal-3-pro")).Engine);
        Assert.Same(PocketSphinx, router.Choose(Options()).Engine);
    }

    private static SpeechModelRouter Router(IReadOnlyList<ISpeechEngine> engines, SpeechModelOptions? settings = null) =>
        new([new Source(engines)], Microsoft.Extensions.Options.Options.Create(settings ?? new SpeechModelOptions()));

    private static TranscriptOptions Options(params string[] models) => new() { AudioUrl = "https://example.com/a.mp3", SpeechModels = models };

    private static HashSet<string> Set(params string[] codes) => [.. codes];

    private sealed class Source(IReadOnlyList<ISpeechEngine> engines) : ISpeechEngineSource
    {
        public IReadOnlyList<ISpeechEngine> Engines { get; } = engines;
    }

    /// <summary>An engine known only by its name and capabilities: routing never runs it.</summary>
    private sealed class DescribedEngine(string name, EngineCapabilities capabilities) : ISpeechEngine
    {
        public string Name { get; } = name;

        public EngineCapabilities Capabilities { get; } = capabilities;

        public Task<RecognitionResult> TranscribeAsync(RecognitionRequest request, IProgress<int>? progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Routing must not run an engine.");
    }
}
