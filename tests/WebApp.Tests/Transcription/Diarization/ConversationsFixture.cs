namespace WebApp.Tests.Transcription.Diarization;

/// <summary>The test conversations, synthesised once for all diarization tests (a few seconds of espeak-ng, flite and sox).</summary>
public sealed class ConversationsFixture : IDisposable
{
    private readonly ScratchDirectory scratch = new();

    public ConversationsFixture()
    {
        TwoSpeakers = Conversation.Build(scratch.Path, [ConversationVoice.Flite("slt"), ConversationVoice.Espeak("en-us+m3")], turns: 18, seed: 501);
        ThreeSpeakers = Conversation.Build(scratch.Path,
            [ConversationVoice.LibrivoxReader, ConversationVoice.Flite("awb"), ConversationVoice.Espeak("en-gb+m1", pitch: 0.9)], turns: 23, seed: 502);
        OneSynthetic = Conversation.Build(scratch.Path, [ConversationVoice.Flite("kal16")], turns: 14, seed: 503);
        OneReal = LibrivoxRecordings.Concatenate(scratch.File("librivox.wav"), repeats: 2).Path;
    }

    /// <summary>flite slt and espeak-ng en-us+m3, 18 turns, about 40% of them 1–2 s.</summary>
    public Conversation TwoSpeakers { get; }

    /// <summary>The LibriVox reader (real speech), flite awb and espeak-ng en-gb+m1 a little lower, 23 turns.</summary>
    public Conversation ThreeSpeakers { get; }

    /// <summary>flite kal16 alone, with the same pauses as the conversations.</summary>
    public Conversation OneSynthetic { get; }

    /// <summary>The five LibriVox clips twice over (about 50 s of one real reader).</summary>
    public string OneReal { get; }

    public void Dispose() => scratch.Dispose();
}
