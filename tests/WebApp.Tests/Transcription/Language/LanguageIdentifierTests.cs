using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Language;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Language;

/// <summary>The identifier on generated speech (texts not among the calibration clips), and the verdict's rules.</summary>
public sealed class LanguageIdentifierTests : IDisposable
{
    private readonly ScratchDirectory scratch = new();
    private readonly LanguageIdentifier identifier = new("/usr/share/pocketsphinx/model/en-us", new SpeechSegmenter());

    [Fact]
    public async Task Identify_EnglishFromFlite_IsEnglish()
    {
        var clip = TestAudio.Flite("the children walked to school along the river and talked about the football match on saturday",
            scratch.File("en.wav"), "kal16");
        var result = await IdentifyAsync(clip);
        Assert.True(result.IsEnglish, $"P(English) = {result.EnglishProbability}");
    }

    [Theory]
    [InlineData("de", "Am Wochenende fahren wir mit den Kindern in die Berge und wandern zu einem kleinen See.")]
    [InlineData("es", "El sábado por la tarde fuimos al cine con mis primos y después cenamos en casa.")]
    public async Task Identify_OtherLanguageFromEspeak_IsNotEnglish(string voice, string text)
    {
        var clip = TestAudio.Espeak(text, scratch.File(voice + ".wav"), voice, 150);
        var result = await IdentifyAsync(clip);
        Assert.False(result.IsEnglish, $"P(English) = {result.EnglishProbability}");
        Assert.InRange(result.EnglishProbability, 0, 0.4);
    }

    [Fact]
    public async Task Identify_Silence_HasNoSpeech()
    {
        var result = await IdentifyAsync(TestAudio.Silence(2, scratch.File("silence.wav")));
        Assert.False(result.HasSpeech);
        Assert.Equal(LanguageVerdict.NoSpeechError, LanguageVerdict.Decide(result, new LanguageOptions(Detect: true)).Error);
    }

    [Fact]
    public void Decide_EnglishBelowThreshold_FailsInAssemblyAisWords()
    {
        var verdict = LanguageVerdict.Decide(Identified(0.8123), new LanguageOptions(Detect: true, ConfidenceThreshold: 0.9));
        Assert.Equal(("en", 0.8123), (verdict.Code, verdict.Confidence!.Value));
        Assert.Equal("detected language 'en', confidence 0.8123, is below the requested confidence threshold value of '0.9'", verdict.Error);
        Assert.Null(LanguageVerdict.Decide(Identified(0.8123), new LanguageOptions(Detect: true, ConfidenceThreshold: 0.8)).Error);
    }

    [Fact]
    public void Decide_NotEnglish_FailsWithoutNamingALanguage()
    {
        var verdict = LanguageVerdict.Decide(Identified(0.1), new LanguageOptions(Detect: true));
        Assert.Null(verdict.Code);
        Assert.Equal(0.9, verdict.Confidence);
        Assert.Contains("not English", verdict.Error);
    }

    [Fact]
    public void Decide_OnlyEnglishExpected_AnswersEnglishWithItsLowConfidence()
    {
        var options = new LanguageOptions(Detect: true, Candidates: new LanguageCandidates(["en"]));
        Assert.Equal(new DetectedLanguage("en", 0.1, null), LanguageVerdict.Decide(Identified(0.1), options));
    }

    private static LanguageIdentification Identified(double english) => new(english, 10, new AcousticFit { Frames = 1000 });

    private async Task<LanguageIdentification> IdentifyAsync(string path)
    {
        using var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);
        return await identifier.IdentifyAsync(audio, CancellationToken.None);
    }

    public void Dispose()
    {
        identifier.Dispose();
        scratch.Dispose();
    }
}
