using System.Diagnostics;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Tests.Transcription.Diarization;

public sealed class SpeakerDiarizerTests(ConversationsFixture conversations) : IClassFixture<ConversationsFixture>
{
    private readonly SpeakerDiarizer diarizer = new();

    [Fact]
    public async Task Diarize_TwoSpeakersCountNotGiven_FindsBothWithLowErrorRate()
    {
        var (turns, score) = await DiarizeAsync(conversations.TwoSpeakers, SpeakerCountHint.None);

        Assert.Equal(2, SpeakerCount(turns));
        Assert.True(score.Rate < 0.05, $"DER {score}");
    }

    [Fact]
    public async Task Diarize_ThreeSpeakersWithRealRecordingCountNotGiven_FindsAllThreeWithLowErrorRate()
    {
        var (turns, score) = await DiarizeAsync(conversations.ThreeSpeakers, SpeakerCountHint.None);

        Assert.Equal(3, SpeakerCount(turns));
        Assert.True(score.Rate < 0.05, $"DER {score}");
    }

    [Fact]
    public async Task Diarize_ExactCountGiven_ReturnsThatManySpeakers()
    {
        var (right, rightScore) = await DiarizeAsync(conversations.ThreeSpeakers, new SpeakerCountHint(Exact: 3));
        var (fewer, _) = await DiarizeAsync(conversations.ThreeSpeakers, new SpeakerCountHint(Exact: 2));

        Assert.Equal(3, SpeakerCount(right));
        Assert.True(rightScore.Rate < 0.05, $"DER {rightScore}");
        Assert.Equal(2, SpeakerCount(fewer));
    }

    [Fact]
    public async Task Diarize_MaximumBelowTheTrueCount_IsHonoured()
    {
        var (turns, _) = await DiarizeAsync(conversations.ThreeSpeakers, new SpeakerCountHint(Max: 1));

        Assert.Equal(1, SpeakerCount(turns));
    }

    [Fact]
    public async Task Diarize_OneSyntheticVoice_IsOneSpeaker()
    {
        var (turns, score) = await DiarizeAsync(conversations.OneSynthetic, SpeakerCountHint.None);

        Assert.Equal(1, SpeakerCount(turns));
        Assert.True(score.Rate < 0.05, $"DER {score}");
    }

    [Fact]
    public async Task Diarize_OneRealReader_IsOneSpeaker()
    {
        using var audio = await new AudioDecoder().DecodeAsync(conversations.OneReal, CancellationToken.None);

        var turns = diarizer.Diarize(audio, SpeakerCountHint.None);

        Assert.NotEmpty(turns);
        Assert.Equal(1, SpeakerCount(turns));
    }

    [Fact]
    public async Task Diarize_TurnsOfOneToTwoSeconds_KeepTheirOwnSpeaker()
    {
        var conversation = conversations.ThreeSpeakers;
        var (turns, _) = await DiarizeAsync(conversation, SpeakerCountHint.None);
        var shortTurns = conversation.Reference.Where(turn => turn.DurationMs is >= 900 and <= 2000).ToArray();

        // Reference speaker → the diarizer's speaker that covers most of their speech.
        var mapping = conversation.Reference.GroupBy(turn => turn.Speaker)
            .ToDictionary(group => group.Key, group => group.SelectMany(turn => Coverage(turns, turn)).GroupBy(pair => pair.Key).MaxBy(g => g.Sum(pair => pair.Value))!.Key);

        Assert.True(shortTurns.Length >= 5, $"only {shortTurns.Length} short turns");
        Assert.All(shortTurns, turn =>
        {
            var coverage = Coverage(turns, turn).ToArray();
            Assert.True(coverage.Length > 0, $"turn at {turn.StartMs} ms found no speech");
            var (speaker, ms) = coverage.MaxBy(pair => pair.Value);
            Assert.Equal(mapping[turn.Speaker], speaker);
            Assert.True(ms >= 0.8 * turn.DurationMs, $"turn at {turn.StartMs}–{turn.EndMs} ms: only {ms} ms right");
        });
    }

    [Fact]
    public async Task Diarize_IsFarFasterThanRealTime()
    {
        using var audio = await new AudioDecoder().DecodeAsync(conversations.ThreeSpeakers.Path, CancellationToken.None);
        diarizer.Diarize(audio, SpeakerCountHint.None);

        var clock = Stopwatch.StartNew();
        diarizer.Diarize(audio, SpeakerCountHint.None);

        Assert.True(clock.Elapsed.TotalSeconds < 0.1 * audio.DurationSeconds, $"{clock.Elapsed.TotalSeconds:F2} s for {audio.DurationSeconds:F0} s of audio");
    }

    [Fact]
    public async Task AssignSpeakersAsync_WordsInsideTurns_GetTheirTurnsSpeakerNumberedFromTheFirstWord()
    {
        var conversation = conversations.ThreeSpeakers;
        using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);
        // One word in the middle of each turn, as a recogniser would time it.
        var words = conversation.Reference
            .Select(turn => new RecognizedWord("word", (turn.StartMs + turn.EndMs) / 2 - 150, (turn.StartMs + turn.EndMs) / 2 + 150, 0.9)).ToArray();

        var speakers = await diarizer.AssignSpeakersAsync(audio, words, SpeakerCountHint.None, CancellationToken.None);

        // The reference numbers speakers by first appearance too, so the two must agree word for word.
        Assert.Equal(conversation.Reference.Select(turn => turn.Speaker), speakers);
    }

    [Fact]
    public async Task Diarize_FiveMinutesOfToneSweepGivenAtMostThree_StaysWithinTheCountFarFasterThanRealTime()
    {
        // Hostile audio: ΔBIC finds dozens of "speakers" in it; with a maximum, those must not all reach resegmentation.
        using var scratch = new ScratchDirectory();
        using var audio = await new AudioDecoder().DecodeAsync(TestAudio.ToneSweep(300, scratch.File("sweep.wav")), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var turns = diarizer.Diarize(audio, new SpeakerCountHint(Max: 3));

        Assert.InRange(SpeakerCount(turns), 1, 3);
        Assert.True(clock.Elapsed.TotalSeconds < 0.1 * audio.DurationSeconds, $"{clock.Elapsed.TotalSeconds:F2} s for {audio.DurationSeconds:F0} s of audio");
    }

    [Fact]
    public async Task Diarize_Silence_HasNoTurns()
    {
        using var scratch = new ScratchDirectory();
        using var audio = await new AudioDecoder().DecodeAsync(TestAudio.Silence(3, scratch.File("silence.wav")), CancellationToken.None);

        Assert.Empty(diarizer.Diarize(audio, SpeakerCountHint.None));
    }

    private async Task<(IReadOnlyList<SpeakerTurn> Turns, DiarizationErrorRate Score)> DiarizeAsync(Conversation conversation, SpeakerCountHint hint)
    {
        using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);
        var turns = diarizer.Diarize(audio, hint);
        return (turns, DiarizationErrorRate.Measure(conversation.Reference, turns));
    }

    private static int SpeakerCount(IReadOnlyList<SpeakerTurn> turns) => turns.Select(turn => turn.Speaker).Distinct().Count();

    /// <summary>How many ms of <paramref name="reference"/> each hypothesis speaker covers.</summary>
    private static IEnumerable<KeyValuePair<int, int>> Coverage(IReadOnlyList<SpeakerTurn> turns, SpeakerTurn reference) =>
        turns.Where(turn => turn.StartMs < reference.EndMs && turn.EndMs > reference.StartMs)
            .GroupBy(turn => turn.Speaker)
            .Select(group => new KeyValuePair<int, int>(group.Key, group.Sum(turn => Math.Min(turn.EndMs, reference.EndMs) - Math.Max(turn.StartMs, reference.StartMs))));
}
