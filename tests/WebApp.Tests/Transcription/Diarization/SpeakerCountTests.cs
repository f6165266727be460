using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>The speaker count found with no hint (AssemblyAI's <c>speaker_labels</c> alone).</summary>
public sealed class SpeakerCountTests(MeetingsFixture meetings) : IClassFixture<MeetingsFixture>
{
    private readonly SpeakerDiarizer diarizer = new();

    [Fact]
    public async Task Diarize_ThreePeopleTwoOfThemMenCountNotGiven_FindsThreeAndGivesMostSpeechToTheRightPerson()
    {
        var conversation = meetings.TwoMenOneWoman;
        using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);

        var turns = diarizer.Diarize(audio, SpeakerCountHint.None);

        Assert.Equal(3, turns.Select(turn => turn.Speaker).Distinct().Count());
        // No collar: every millisecond of speech counts.
        var score = DiarizationErrorRate.Measure(conversation.Reference, turns, collarMs: 0);
        var right = (score.ReferenceSeconds - score.MissedSeconds - score.ConfusionSeconds) / score.ReferenceSeconds;
        Assert.True(right >= 0.9, $"{right:P1} of speech given to the right person ({score})");
    }

    [Fact]
    public async Task Diarize_TwoOfFivePeopleSayOneSentenceEachCountNotGiven_FindsAllFive()
    {
        var conversation = meetings.FiveVoicesTwoQuiet;
        using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);

        var turns = diarizer.Diarize(audio, SpeakerCountHint.None);
        var withoutUndo = new SpeakerDiarizer(DiarizerSettings.Default with { UndoSmallMerges = false }).Diarize(audio, SpeakerCountHint.None);

        var score = DiarizationErrorRate.Measure(conversation.Reference, turns);
        Assert.True(turns.Select(turn => turn.Speaker).Distinct().Count() == 5, $"found {turns.Select(turn => turn.Speaker).Distinct().Count()} (without undoing small merges {withoutUndo.Select(turn => turn.Speaker).Distinct().Count()}), DER {score}");
        Assert.True(score.Rate < 0.05, $"DER {score}");
    }

    [Fact]
    public async Task Diarize_FiveMinutesOfFourVoicesCountNotGiven_DoesNotMultiplyTheCount()
    {
        var conversation = meetings.FourVoicesFiveMinutes;
        using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);

        var turns = diarizer.Diarize(audio, SpeakerCountHint.None);

        // Measured: 6 (the frame cap keeps longer files from splitting further; before it, 10 in five minutes).
        var found = turns.Select(turn => turn.Speaker).Distinct().Count();
        Assert.InRange(found, 4, 6);
    }
}
