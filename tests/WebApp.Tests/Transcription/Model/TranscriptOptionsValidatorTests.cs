using Microsoft.Extensions.Options;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Model;

public sealed class TranscriptOptionsValidatorTests
{
    private static readonly TranscriptOptionsValidator Validator = new(new SpeechModelRouter(
        [new Source(new Multilingual())], Options.Create(new SpeechModelOptions())));

    [Fact]
    public void Validate_RedactionInAnotherLanguage_IsRefused_EnglishIsNot()
    {
        var german = new TranscriptOptions
        {
            AudioUrl = "https://example.com/a.mp3",
            Language = new LanguageOptions("de"),
            Redaction = new RedactionOptions(["person_name"]),
        };

        Assert.Equal("redact_pii works on English only: its rules would miss personal information in language_code \"de\".", Validator.Validate(german));
        Assert.Null(Validator.Validate(german with { Language = new LanguageOptions("en_uk") }));
        Assert.Null(Validator.Validate(german with { Redaction = null }));
    }

    [Fact]
    public void Format_WrittenWords_KeepTheEnginesMarks_AndUndoOnlyWhatIsTurnedOff()
    {
        Word[] words = [new("Hello,", 0, 300, 0.9), new("Mr.", 300, 500, 0.9), new("Smith.", 500, 900, 0.9), new("It's", 1000, 1200, 0.9), new("42%.", 1200, 1600, 0.9)];

        var kept = TranscriptFormatter.Format(words, FormattingOptions.AssemblyAiDefaults, written: true);
        var bare = TranscriptFormatter.Format(words, FormattingOptions.AssemblyAiDefaults with { Punctuate = false, FormatText = false }, written: true);

        Assert.Equal("Hello, Mr. Smith. It's 42%.", TranscriptFormatter.JoinText(kept));
        Assert.Equal("hello mr. smith it's 42%", TranscriptFormatter.JoinText(bare));
    }

    private sealed class Source(ISpeechEngine engine) : ISpeechEngineSource
    {
        public IReadOnlyList<ISpeechEngine> Engines { get; } = [engine];
    }

    private sealed class Multilingual : ISpeechEngine
    {
        public string Name => "whisper-small";

        public EngineCapabilities Capabilities { get; } = new() { Languages = new HashSet<string>(["en", "de"]), IdentifiesLanguage = true, WritesFormattedText = true };

        public Task<RecognitionResult> TranscribeAsync(RecognitionRequest request, IProgress<int>? progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation must not run an engine.");
    }
}
