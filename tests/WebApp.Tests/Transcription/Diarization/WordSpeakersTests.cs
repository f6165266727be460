using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Tests.Transcription.Diarization;

public sealed class WordSpeakersTests
{
    private static readonly SpeakerTurn[] Turns = [new(0, 1000, 0), new(1200, 2000, 1), new(2000, 3000, 0)];

    [Fact]
    public void Assign_WordAcrossTwoTurns_GetsTheSpeakerItOverlapsMost()
    {
        var speakers = WordSpeakers.Assign([Word(1900, 2400)], Turns);

        // 100 ms with speaker 1, 400 ms with speaker 0; renumbered so the first word is 0.
        Assert.Equal([0], speakers);
    }

    [Fact]
    public void Assign_WordInAPause_GetsTheNearestTurnsSpeaker()
    {
        var speakers = WordSpeakers.Assign([Word(500, 800), Word(1120, 1180), Word(1010, 1050)], Turns);

        Assert.Equal([0, 1, 0], speakers);
    }

    [Fact]
    public void Assign_FirstWordBySecondSpeaker_IsNumberedZero()
    {
        var speakers = WordSpeakers.Assign([Word(1300, 1500), Word(100, 300), Word(2500, 2700)], Turns);

        Assert.Equal([0, 1, 1], speakers);
    }

    [Fact]
    public void Assign_NoTurns_PutsEveryWordWithOneSpeaker()
    {
        Assert.Equal([0, 0], WordSpeakers.Assign([Word(0, 100), Word(200, 300)], []));
    }

    private static RecognizedWord Word(int startMs, int endMs) => new("word", startMs, endMs, 1);
}
