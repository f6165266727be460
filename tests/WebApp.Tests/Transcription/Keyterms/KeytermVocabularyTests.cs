using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Tests.Transcription.Keyterms;

public sealed class KeytermVocabularyTests
{
    [Theory]
    [InlineData("kjˈuːbɚnˌiːts", "K Y UW B ER N IY T S")] // espeak-ng's "kubernetes"
    [InlineData("ɑːkˈɔŋkwoʊ", "AA K AO NG K W OW")] // "okonkwo"
    [InlineData("tʃˌaɪəmˈɑːkə", "CH AY AH M AA K AH")] // "chiamaka"
    [InlineData("bˈʌʔn̩", "B AH T AH N")] // "button", with a syllabic n
    [InlineData("ˈ ˌ", "")]
    public void IpaToArpabet_MapsEspeakIpaToTheModelsPhones(string ipa, string phones) =>
        Assert.Equal(phones, IpaToArpabet.Convert(ipa));

    [Fact]
    public void Split_TermsBecomeTheRecognizersWords()
    {
        var phrases = KeytermVocabulary.Split(["Kelly Byrne-Donoghue", "  ", "O'Brien Inc.", "Wellbutrin XL 150mg"]);

        Assert.Equal(
            [["kelly", "byrne", "donoghue"], ["o'brien", "inc"], ["wellbutrin", "xl", "150mg"]],
            phrases.Select(phrase => phrase.Select(word => word.Text).ToArray()).ToArray());
        Assert.Equal("Byrne", phrases[0][1].Spelling);
    }

    [Fact]
    public async Task Pronounce_DictionaryWordsKeepTheirEntries_OthersGetEspeakPhones()
    {
        var pronouncer = new KeytermPronouncer(SpeechEngineFixture.ModelDirectory, NullLogger<KeytermPronouncer>.Instance);

        var vocabulary = (await pronouncer.PronounceAsync(["Verbatim", "Kubernetes cluster"], CancellationToken.None))!;

        Assert.Null(vocabulary.Words.Single(word => word.Text == "verbatim").Phones);
        Assert.Null(vocabulary.Words.Single(word => word.Text == "cluster").Phones);
        Assert.Equal("K Y UW B ER N IY T S", vocabulary.Words.Single(word => word.Text == "kubernetes").Phones);
        Assert.Equal("Kubernetes", vocabulary.Respell("kubernetes"));
        Assert.Equal("the", vocabulary.Respell("the"));
        Assert.Equal([["verbatim"], ["kubernetes", "cluster"]], vocabulary.Phrases.Select(phrase => phrase.ToArray()).ToArray());
    }

    [Fact]
    public async Task LanguageModel_HasEveryWordAndThePhrasesAsBigrams()
    {
        var pronouncer = new KeytermPronouncer(SpeechEngineFixture.ModelDirectory, NullLogger<KeytermPronouncer>.Instance);
        var vocabulary = (await pronouncer.PronounceAsync(["Siobhan Dwyer", "Zyrtec"], CancellationToken.None))!;

        var arpa = KeytermLanguageModel.ToArpa(vocabulary);

        Assert.Contains("ngram 1=5\n", arpa); // <s>, </s> and three words
        Assert.Contains("ngram 2=1\n", arpa);
        Assert.Contains("-0.6021 zyrtec 0.0000\n", arpa); // log10(1/4)
        Assert.Contains("-0.3010 siobhan dwyer\n", arpa);
        Assert.EndsWith("\\end\\\n", arpa);
    }
}
