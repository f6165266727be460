using WebApp.Transcription.Formatting;

namespace WebApp.Tests.Transcription.Formatting;

public sealed class PunctuationTests
{
    [Fact]
    public void Format_LongPause_EndsASentence() =>
        Assert.Equal("Smoke filled the sky. We stayed inside.", SpokenWords.Format("smoke filled the sky | we stayed inside"));

    [Fact]
    public void Format_ShortPause_IsAComma() =>
        Assert.Equal("When it rained, we stayed inside.", SpokenWords.Format("when it rained , we stayed inside"));

    [Fact]
    public void Format_NoPauses_OneSentenceWithAFullStop() =>
        Assert.Equal("We stayed inside all day.", SpokenWords.Format("we stayed inside all day"));

    [Theory]
    [InlineData("the , car", "The car.")]
    [InlineData("i saw a | dog", "I saw a dog.")]
    [InlineData("bread and , butter", "Bread and butter.")]
    public void Format_PauseAfterAFunctionWord_IsHesitationNotPunctuation(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken));

    [Fact]
    public void Format_VeryLongPauseAfterAFunctionWord_StillEndsTheSentence()
    {
        var words = SpokenWords.From("i saw the");
        var resumes = words[^1].End + PausePunctuation.HesitationPauseMs;
        words.Add(new("end", resumes, resumes + SpokenWords.WordMs, 0.9));

        Assert.Equal("I saw the. End.", TranscriptFormatter.JoinText(TranscriptFormatter.Format(words, FormattingOptions.AssemblyAiDefaults)));
    }

    [Fact]
    public void Format_SpeakerChange_EndsTheSentence() =>
        Assert.Equal("Hello there. Hi.", SpokenWords.Format("A: hello there B: hi"));

    [Fact]
    public void Format_PunctuationIsAttachedToTheWord()
    {
        var words = TranscriptFormatter.Format(SpokenWords.From("we stayed | inside"), FormattingOptions.AssemblyAiDefaults);

        Assert.Equal(["We", "stayed.", "Inside."], words.Select(w => w.Text));
    }

    [Fact]
    public void Format_PunctuateOff_NoMarksAndOnlyTheFirstWordCapitalised() =>
        Assert.Equal("Smoke filled the sky we stayed inside", SpokenWords.Written("smoke filled the sky | we stayed inside"));

    [Theory]
    [InlineData("what is your name", "What is your name?")]
    [InlineData("where did you go", "Where did you go?")]
    [InlineData("how are you", "How are you?")]
    [InlineData("how many are there", "How many are there?")]
    [InlineData("why not", "Why not?")]
    [InlineData("what's up", "What's up?")]
    [InlineData("are you coming", "Are you coming?")]
    [InlineData("can i help", "Can I help?")]
    [InlineData("is the store open", "Is the store open?")]
    [InlineData("do you know", "Do you know?")]
    [InlineData("could someone check", "Could someone check?")]
    [InlineData("what time is it", "What time is it?")]
    [InlineData("which way did they go", "Which way did they go?")]
    public void Format_QuestionOpenings_EndWithAQuestionMark(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken));

    [Theory]
    [InlineData("when i was young we moved", "When I was young we moved.")]
    [InlineData("what a day", "What a day.")]
    [InlineData("do that again", "Do that again.")]
    [InlineData("have it your way", "Have it your way.")]
    [InlineData("how it works is simple", "How it works is simple.")]
    [InlineData("you are coming", "You are coming.")]
    [InlineData("what we did was fine", "What we did was fine.")]
    [InlineData("had he married a kinder woman he might be happy", "Had he married a kinder woman he might be happy.")]
    public void Format_StatementsThatLookLikeQuestions_KeepAFullStop(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken));

    [Fact]
    public void Format_QuestionThenStatement_EachGetsItsOwnMark() =>
        Assert.Equal("Are you there? I am here.", SpokenWords.Format("are you there | i am here"));

    [Fact]
    public void Format_WordsAlreadyPunctuated_KeepTheirMarks()
    {
        var words = new List<WebApp.Transcription.Model.Word> { new("Really?", 0, 300, 0.9), new("yes", 400, 700, 0.9) };

        Assert.Equal("Really? Yes.", TranscriptFormatter.JoinText(TranscriptFormatter.Format(words, FormattingOptions.AssemblyAiDefaults)));
    }
}
