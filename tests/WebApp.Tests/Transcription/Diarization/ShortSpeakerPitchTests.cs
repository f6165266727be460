using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>
/// A speaker with under two seconds of speech is too short for ΔBIC's Gaussians over MFCCs; the pitch check
/// (<see cref="DiarizerSettings.TwoVoicesPitchSemitones"/>) is what tells them apart.
/// </summary>
public sealed class ShortSpeakerPitchTests
{
    // Eight of the conversations' sentences, leaving out the table booking: with it, this espeak-ng voice's own
    // sentences are split into two speakers with or without the pitch check (a limit of the MFCC models, not of pitch).
    private static readonly string[] Sentences = [.. Conversation.Sentences[..7], Conversation.Sentences[8]];

    [Fact]
    public async Task Diarize_OneShortLineInTheSameVoiceFarHigher_IsASecondSpeakerOnlyWithThePitchCheck()
    {
        // espeak-ng's base pitch moves the voice's pitch and nothing else: the same formants, so the same MFCCs but
        // for the harmonics. The talker says eight sentences at base pitch 30, the other one line of about 2 s at 95.
        using var scratch = new ScratchDirectory();
        var parts = new List<string>();
        for (var i = 0; i < Sentences.Length; i++)
        {
            parts.Add(TestAudio.Silence(0.4, scratch.File($"pause-{i}.wav")));
            parts.Add(TestAudio.Espeak(Sentences[(i + 3) % Sentences.Length], scratch.File($"talk-{i}.wav"), "en-us+m3", pitch: 30));
            if (i == 3)
            {
                parts.Add(TestAudio.Silence(0.4, scratch.File("pause-short.wav")));
                parts.Add(TestAudio.Espeak("Okay, let's do that then.", scratch.File("short.wav"), "en-us+m3", pitch: 95));
            }
        }

        parts.Add(TestAudio.Silence(0.5, scratch.File("pause-end.wav")));
        using var audio = await new AudioDecoder().DecodeAsync(TestAudio.Concat(scratch.File("conversation.wav"), parts), CancellationToken.None);

        var turns = new SpeakerDiarizer().Diarize(audio, SpeakerCountHint.None);
        var withoutCheck = new SpeakerDiarizer(DiarizerSettings.Default with { TwoVoicesPitchSemitones = double.PositiveInfinity }).Diarize(audio, SpeakerCountHint.None);

        Assert.Equal(2, SpeakerCount(turns));
        Assert.Equal(1, SpeakerCount(withoutCheck));
        // And the second speaker is the short line's: every sentence of the talker is given to one speaker, the line to the other.
        var shortLine = scratch.File("short.wav");
        var talker = parts.Where(part => Path.GetFileName(part).StartsWith("talk-", StringComparison.Ordinal)).Select(part => SpeakerAt(turns, parts, part)).Distinct().ToList();
        Assert.Single(talker);
        Assert.NotEqual(talker[0], SpeakerAt(turns, parts, shortLine));
    }

    /// <summary>The speaker found at the middle of <paramref name="part"/> of the concatenated <paramref name="parts"/>; -1 for none.</summary>
    private static int SpeakerAt(IReadOnlyList<SpeakerTurn> turns, List<string> parts, string part)
    {
        var middleMs = 1000 * (parts.TakeWhile(other => other != part).Sum(TestAudio.DurationSeconds) + TestAudio.DurationSeconds(part) / 2);
        return turns.Where(turn => turn.StartMs <= middleMs && middleMs < turn.EndMs).Select(turn => turn.Speaker).DefaultIfEmpty(-1).First();
    }

    private static int SpeakerCount(IReadOnlyList<SpeakerTurn> turns) => turns.Select(turn => turn.Speaker).Distinct().Count();
}
