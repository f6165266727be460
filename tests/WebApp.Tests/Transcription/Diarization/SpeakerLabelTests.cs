using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

public sealed class SpeakerLabelTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(1, "B")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void For_SpeakerIndex_IsAssemblyAiStyleLetter(int speaker, string label) => Assert.Equal(label, SpeakerLabel.For(speaker));
}
