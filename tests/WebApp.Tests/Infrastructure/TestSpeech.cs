namespace WebApp.Tests.Infrastructure;

/// <summary>
/// <see cref="TestAudio"/> with file names chosen for the caller: speech and media files for the API tests, in a
/// temp folder of the test run.
/// </summary>
public static class TestSpeech
{
    public const string Sentence = "we will go to the park in the afternoon and play football with our friends";

    private static readonly string Folder = Directory.CreateTempSubdirectory("verbatim-test-audio-").FullName;

    /// <summary>
    /// A WAV file of <paramref name="text"/> spoken by flite. Its voices are the synthetic speech pocketsphinx
    /// recognises best (espeak-ng's come out garbled often enough to make accuracy assertions flaky).
    /// </summary>
    public static string Say(string text, string voice = "kal16") => TestAudio.Flite(text, NewPath(".wav"), voice);

    /// <summary>A WAV file of <paramref name="text"/> spoken by espeak-ng: another engine, so another speaker than flite.</summary>
    public static string Espeak(string text, string voice = "en-us+m3") => TestAudio.Espeak(text, NewPath(".wav"), voice, wordsPerMinute: 140);

    public static string Silence(double seconds) => TestAudio.Silence(seconds, NewPath(".wav"));

    /// <summary>The files one after another in one WAV.</summary>
    public static string Concat(params string[] files) => TestAudio.Concat(NewPath(".wav"), files);

    /// <summary>A multichannel WAV: the first file on channel 1 (left), the second on channel 2, ….</summary>
    public static string Channels(params string[] files) => TestAudio.Channels(NewPath(".wav"), files);

    /// <summary><paramref name="source"/> converted by ffmpeg to the format its <paramref name="extension"/> names.</summary>
    public static string Convert(string source, string extension, params string[] ffmpegOptions) =>
        TestAudio.Convert(source, NewPath(extension), ffmpegOptions);

    /// <summary>A file whose bytes are <paramref name="content"/>, under the given extension.</summary>
    public static string WriteFile(string extension, byte[] content)
    {
        var path = NewPath(extension);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string NewPath(string extension) => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);
}
