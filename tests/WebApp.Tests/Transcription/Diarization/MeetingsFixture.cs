using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>Meetings for the speaker-count tests, synthesised once (flite and sox, a few seconds).</summary>
public sealed class MeetingsFixture : IDisposable
{
    private readonly ScratchDirectory scratch = new();

    public MeetingsFixture()
    {
        TwoMenOneWoman = Conversation.Build(scratch.Path, [ConversationVoice.Flite("awb"), ConversationVoice.Flite("rms"), ConversationVoice.Flite("slt")], turns: 24, seed: 601);

        // About five minutes of four voices: a conversation of two minutes heard twice and a half, which is
        // what matters here (how many pieces of each voice the clustering sees), at a fraction of the synthesis.
        var round = Conversation.Build(scratch.Path,
            [ConversationVoice.Flite("kal16"), ConversationVoice.Flite("awb"), ConversationVoice.Flite("slt"), ConversationVoice.Espeak("en-us+f4", pitch: 1.1)],
            turns: 36, seed: 602);
        var roundMs = (int)Math.Round(TestAudio.DurationSeconds(round.Path) * 1000);
        var rounds = new[] { round.Path, round.Path, round.Path };
        var path = TestAudio.Concat(scratch.File("five-minutes.wav"), rounds);
        var reference = Enumerable.Range(0, rounds.Length)
            .SelectMany(i => round.Reference.Select(turn => new SpeakerTurn(turn.StartMs + i * roundMs, turn.EndMs + i * roundMs, turn.Speaker))).ToArray();
        FourVoicesFiveMinutes = new Conversation(path, reference, round.Voices);

        FiveVoicesTwoQuiet = Conversation.Build(scratch.Path,
            [ConversationVoice.Flite("slt"), ConversationVoice.Flite("kal16"), ConversationVoice.Espeak("en-us+f2"), ConversationVoice.Flite("awb"), ConversationVoice.Flite("rms")],
            turns: 20, seed: 603, quietVoices: 2);
    }

    /// <summary>flite awb and rms (two men) and slt (a woman), 24 turns, about 40% of them 1–2 s.</summary>
    public Conversation TwoMenOneWoman { get; }

    /// <summary>flite kal16, awb, slt and espeak-ng en-us+f4 raised a little, about five minutes.</summary>
    public Conversation FourVoicesFiveMinutes { get; }

    /// <summary>About a minute: flite slt, kal16 and espeak-ng en-us+f2 talk; flite awb and rms (two men) say one sentence each.</summary>
    public Conversation FiveVoicesTwoQuiet { get; }

    public void Dispose() => scratch.Dispose();
}
