using System.Diagnostics;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Tests.Transcription;

public sealed class AudioDecoderTests : IDisposable
{
    private readonly ScratchDirectory scratch = new();
    private readonly AudioDecoder decoder = new();
    private readonly string speech;

    public AudioDecoderTests()
    {
        // Stereo 44.1 kHz, so every test also checks the downmix and resampling.
        speech = scratch.File("source.wav");
        TestAudio.Convert(LibrivoxClips.All[0].Path, speech, "-ac", "2", "-ar", "44100");
    }

    public static TheoryData<string, string[]> Formats => new()
    {
        { "mp3", ["-c:a", "libmp3lame", "-b:a", "64k"] },
        { "ogg", ["-c:a", "libvorbis"] },
        { "flac", ["-c:a", "flac"] },
        { "m4a", ["-c:a", "aac", "-b:a", "64k"] },
        { "webm", ["-c:a", "libopus"] },
        { "opus", ["-c:a", "libopus"] },
        { "wav", ["-c:a", "pcm_s24le"] },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Decode_CommonFormat_YieldsWholeClipAt16kHz(string extension, string[] encoderOptions)
    {
        var input = TestAudio.Convert(speech, scratch.File($"speech.{extension}"), encoderOptions);

        using var audio = await decoder.DecodeAsync(input, CancellationToken.None);

        // Encoders pad a little (mp3, aac); 0.1 s covers it.
        Assert.InRange(audio.DurationSeconds, 7.1 - 0.1, 7.1 + 0.1);
        Assert.InRange(Loudest(audio), -30, 0);
    }

    [Theory]
    [InlineData("mp4", new[] { "-c:v", "libx264", "-c:a", "aac" })]
    [InlineData("webm", new[] { "-c:v", "libvpx", "-c:a", "libopus" })]
    [InlineData("mkv", new[] { "-c:v", "mpeg4", "-c:a", "libmp3lame" })]
    public async Task Decode_VideoWithAudio_YieldsItsSoundTrack(string extension, string[] encoderOptions)
    {
        var video = TestAudio.VideoWithAudio(speech, scratch.File($"video.{extension}"), encoderOptions);

        using var audio = await decoder.DecodeAsync(video, CancellationToken.None);

        Assert.InRange(audio.DurationSeconds, 7.1 - 0.2, 7.1 + 0.2);
        Assert.InRange(Loudest(audio), -30, 0);
    }

    [Fact]
    public async Task Decode_TextFileRenamedMp3_ThrowsSayingWhatItIs()
    {
        var text = scratch.File("notes.mp3");
        await File.WriteAllTextAsync(text, string.Join('\n', Enumerable.Repeat("These are the meeting notes and not a recording of the meeting.", 50)));

        var error = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(text, CancellationToken.None));

        Assert.Equal("File does not appear to contain audio. File type is text/plain (ASCII text).", error.Message);
    }

    [Fact]
    public async Task Decode_ConcatListNamingAnotherFile_ReadsNothingOfThatFile()
    {
        // Uploads have no extension and sit beside each other, so a relative name is what an attacker would write;
        // ffmpeg's own "safe" check lets such a name through.
        TestAudio.Convert(speech, scratch.File("another-teams-upload"), "-f", "wav");
        var list = scratch.File("upload");
        await File.WriteAllTextAsync(list, "ffconcat version 1.0\nfile 'another-teams-upload'\n");

        var error = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(list, CancellationToken.None));

        Assert.StartsWith("File does not appear to contain audio. File type is text/plain", error.Message);
    }

    [Fact]
    public async Task Decode_LivePlaylistNamingAnotherFile_FailsAtOnceWithoutReadingIt()
    {
        var other = TestAudio.Convert(speech, scratch.File("redacted.mp3"), "-c:a", "libmp3lame");
        var playlist = scratch.File("upload");
        // No #EXT-X-ENDLIST: a live playlist, which ffmpeg's HLS demuxer would poll for new segments.
        await File.WriteAllTextAsync(playlist, $"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:7.0,\nfile:{other}\n#EXTINF:7.0,\n{other}\n");

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(playlist, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith("File does not appear to contain audio.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Decode_EmptyFile_ThrowsSayingItIsEmpty()
    {
        var empty = scratch.File("empty.wav");
        await File.WriteAllBytesAsync(empty, []);

        var error = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(empty, CancellationToken.None));

        Assert.Equal("File does not appear to contain audio. The file is empty (0 bytes).", error.Message);
    }

    [Fact]
    public async Task Decode_VideoWithoutSoundTrack_ThrowsSayingThereIsNoAudioStream()
    {
        var video = TestAudio.SilentVideo(2, scratch.File("silent.mp4"));

        var error = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(video, CancellationToken.None));

        Assert.StartsWith("File does not appear to contain audio. File type is video/mp4", error.Message);
        Assert.EndsWith("which has no audio stream.", error.Message);
    }

    [Fact]
    public async Task Decode_Mp3TruncatedHalfway_DecodesTheFirstHalf()
    {
        var mp3 = TestAudio.Convert(speech, scratch.File("whole.mp3"), "-c:a", "libmp3lame", "-b:a", "64k");
        var truncated = scratch.File("truncated.mp3");
        var bytes = await File.ReadAllBytesAsync(mp3);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        using var audio = await decoder.DecodeAsync(truncated, CancellationToken.None);

        Assert.InRange(audio.DurationSeconds, 3.0, 4.1);
    }

    [Fact]
    public async Task Decode_M4aTruncatedToItsFirstBytes_ThrowsNamingTheDamage()
    {
        var m4a = TestAudio.Convert(speech, scratch.File("whole.m4a"), "-c:a", "aac");
        var truncated = scratch.File("truncated.m4a");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(m4a))[..2000]);

        var error = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(truncated, CancellationToken.None));

        Assert.StartsWith("File does not appear to contain audio.", error.Message);
        Assert.DoesNotContain(scratch.Path, error.Message);
    }

    [Fact]
    public async Task Decode_MissingFile_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => decoder.DecodeAsync(scratch.File("nothing.wav"), CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_DecodedAudio_DeletesItsSpoolFile()
    {
        var spoolDirectory = Directory.CreateDirectory(scratch.File("spool")).FullName;
        var spooling = new AudioDecoder(spoolDirectory);

        var audio = await spooling.DecodeAsync(speech, CancellationToken.None);
        Assert.Single(Directory.GetFiles(spoolDirectory));
        audio.Dispose();

        Assert.Empty(Directory.GetFiles(spoolDirectory));
    }

    [Fact]
    public async Task Decode_Cancelled_KillsFfmpeg()
    {
        // ffmpeg blocks opening a named pipe that nobody writes to, so it is certain to be running when we cancel.
        var pipe = scratch.File("never-written.fifo");
        Process.Start("mkfifo", [pipe]).WaitForExit();
        using var cancellation = new CancellationTokenSource();

        var decoding = decoder.DecodeAsync(pipe, cancellation.Token);
        await WaitUntil(() => FfmpegProcessesReading(pipe).Any());
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => decoding);
        await WaitUntil(() => !FfmpegProcessesReading(pipe).Any());
    }

    private static float Loudest(DecodedAudio audio) =>
        audio.ReadSamples(0, (int)audio.SampleCount).Chunk(1600).Max(block => FrameLoudness.Decibels(block));

    private static IEnumerable<int> FfmpegProcessesReading(string path) =>
        Directory.EnumerateDirectories("/proc")
            .Where(directory => int.TryParse(Path.GetFileName(directory), out _))
            .Select(directory => (Id: int.Parse(Path.GetFileName(directory)), Arguments: ReadCommandLine(directory)))
            .Where(process => process.Arguments.Length > 1 && process.Arguments[0].EndsWith("ffmpeg", StringComparison.Ordinal) && process.Arguments.Contains("file:" + path))
            .Select(process => process.Id);

    private static string[] ReadCommandLine(string processDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processDirectory, "cmdline")).Split('\0');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return []; // The process ended while we looked.
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "Timed out waiting.");
            await Task.Delay(50);
        }
    }

    public void Dispose() => scratch.Dispose();
}
