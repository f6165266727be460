using WebApp.Reader;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Reader;

public sealed class AudioContentTypeTests
{
    [Theory]
    [InlineData(".wav", "audio/wav")]
    [InlineData(".mp3", "audio/mpeg")]
    [InlineData(".ogg", "audio/ogg")]
    [InlineData(".flac", "audio/flac")]
    [InlineData(".m4a", "audio/mp4")]
    [InlineData(".webm", "video/webm")]
    public void Sniff_TellsTheFormatFromTheFilesBytes(string extension, string expected)
    {
        var speech = TestSpeech.Say("one two three");
        var file = extension == ".wav" ? speech : TestSpeech.Convert(speech, extension);

        // Stored uploads have no extension: the store names them by id.
        var stored = TestSpeech.WriteFile("", File.ReadAllBytes(file));

        Assert.Equal(expected, AudioContentType.Sniff(stored));
    }

    [Fact]
    public void Sniff_UnknownOrEmpty_IsOctetStream()
    {
        Assert.Equal(AudioContentType.Unknown, AudioContentType.Sniff("hello, world"u8));
        Assert.Equal(AudioContentType.Unknown, AudioContentType.Sniff([]));
    }
}
