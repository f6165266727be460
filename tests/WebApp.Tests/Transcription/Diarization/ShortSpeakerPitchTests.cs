using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>
/// A speaker with under two seconds of speech is too short for ΔBIC's Gaussians over MFCCs; the pitch check
/// (<see cref="DiarizerSettings.TwoVoicesPitchSemitones"/>) is what tells them apart.
/// </summary>
public sealed class ShortSpeakerPitchTests
{
    private static readonly string[] Sentences =
    [
        "The committee will meet again on Thursday to review the budget for next year.",
        "She opened the window and listened to the rain falling on the garden.",
        "We should call the office tomorrow morning and ask about the delivery.",
        "The old bridge across the river was closed for repairs last summer.",
        "Please remember to turn off the lights when you leave the building.",
        "Our train was late because of snow on the line near the station.",
        "The doctor said that a short walk every day would help him recover.",
        "After dinner the children played games in the living room until bedtime.",
    ];

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
    }

    private static int SpeakerCount(IReadOnlyList<SpeakerTurn> turns) => turns.Select(turn => turn.Speaker).Distinct().Count();
}
