using WebApp.Infrastructure;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <summary>Decodes any file ffmpeg can read (audio, or video with an audio track) to 16 kHz mono PCM.</summary>
/// <param name="scratchDirectory">Where the PCM is spooled; null or empty means the system temp directory.</param>
/// <param name="maxSeconds">
/// The longest audio decoded, measured on the decoded stream (a header can say anything): past it decoding stops and
/// the file is refused. It also bounds the scratch space a decode takes (32 kB a second).
/// </param>
/// <param name="priority">Makes ffmpeg give way to live sessions (batch decoding); none by default.</param>
public sealed class AudioDecoder(string? scratchDirectory = null, double? maxSeconds = null, BatchPriority? priority = null)
{
    private const string NoAudio = "File does not appear to contain audio.";

    /// <exception cref="AudioDecodingException">Nothing in the file decodes as audio; the message says what the file is.</exception>
    public Task<DecodedAudio> DecodeAsync(string path, CancellationToken cancellationToken) =>
        DecodeAsync(path, AudioWindow.Whole, channel: null, cancellationToken);

    /// <summary>Decodes <paramref name="window"/> of the file: one channel of it, or all channels mixed down.</summary>
    /// <param name="channel">1-based channel to keep, or null to mix all channels.</param>
    /// <exception cref="AudioDecodingException">Nothing in the file decodes as audio, or the window starts after its end.</exception>
    public async Task<DecodedAudio> DecodeAsync(string path, AudioWindow window, int? channel, CancellationToken cancellationToken)
    {
        var input = new FileInfo(path);
        if (!input.Exists)
        {
            throw new FileNotFoundException("The audio file to decode does not exist.", path);
        }

        var spool = CreateSpool();
        try
        {
            var maxBytes = maxSeconds is { } limit ? (long)(limit * DecodedAudio.SampleRate) * sizeof(short) : long.MaxValue;
            var outcome = await ExternalProcess.RunAsync("ffmpeg", FfmpegArguments(input.FullName, window, channel), async stdout =>
            {
                if (await StreamedBody.CopyBoundedAsync(stdout, spool, maxBytes, CancellationToken.None) < 0)
                {
                    throw new AudioDecodingException(TooLongMessage(maxSeconds!.Value));
                }
            }, cancellationToken, follow: priority is null ? null : priority.Follow);
            await spool.FlushAsync(CancellationToken.None);

            // A damaged file still yields what could be decoded, with a non-zero exit code; that beats failing the job.
            if (spool.Length >= sizeof(short))
            {
                return new DecodedAudio(spool, window.StartMs);
            }

            if (!window.IsWhole && await ProbeDurationSecondsAsync(input.FullName, cancellationToken) is { } seconds)
            {
                throw new AudioDecodingException(
                    $"audio_start_from ({window.StartMs} ms) is at or after the end of the audio ({seconds * 1000:F0} ms).");
            }

            throw new AudioDecodingException(await DescribeUndecodableAsync(input.FullName, outcome.StandardErrorTail, cancellationToken));
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many channels the file's first audio stream has, or null when ffprobe finds no audio stream.</summary>
    public static async Task<int?> CountChannelsAsync(string path, CancellationToken cancellationToken)
    {
        var channels = await ExternalProcess.QueryAsync("ffprobe",
            ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=channels", "-of", "csv=p=0", .. FfmpegInput.ForProbe(path)],
            cancellationToken);
        return int.TryParse(channels?.Split('\n')[0].Trim(), out var count) && count > 0 ? count : null;
    }

    /// <summary>The length of the whole file as its container reports it, or null when it reports none.</summary>
    public static async Task<double?> ProbeDurationSecondsAsync(string path, CancellationToken cancellationToken)
    {
        var duration = await ExternalProcess.QueryAsync("ffprobe",
            ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", .. FfmpegInput.ForProbe(path)],
            cancellationToken);
        return double.TryParse(duration?.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : null;
    }

    /// <summary>
    /// The audio's length as decoding finds it, which is what local transcripts store and players show (a header's
    /// duration counts an MP3's encoder padding); the samples are counted and dropped, so nothing is spooled.
    /// </summary>
    public static async Task<double?> MeasureDecodedSecondsAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = 0L;
        await ExternalProcess.RunAsync("ffmpeg", FfmpegArguments(Path.GetFullPath(path), AudioWindow.Whole, channel: null), async stdout =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stdout.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
            }
        }, cancellationToken);
        return bytes >= sizeof(short) ? bytes / (double)sizeof(short) / DecodedAudio.SampleRate : null;
    }

    private static List<string> FfmpegArguments(string fullPath, AudioWindow window, int? channel)
    {
        List<string> arguments = ["-nostdin", "-hide_banner", "-loglevel", "error"];
        if (window.StartMs > 0)
        {
            // Before -i: ffmpeg seeks in the input, then decodes from there (sample-accurate for audio).
            arguments.AddRange(["-ss", Seconds(window.StartMs)]);
        }

        arguments.AddRange(FfmpegInput.For(fullPath));
        arguments.AddRange(["-vn", "-sn", "-dn"]);
        if (window.EndMs is { } endMs)
        {
            arguments.AddRange(["-t", Seconds(endMs - window.StartMs)]);
        }

        if (channel is { } number)
        {
            arguments.AddRange(["-af", $"pan=mono|c0=c{number - 1}"]);
        }

        arguments.AddRange(["-ac", "1", "-ar", DecodedAudio.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]);
        return arguments;
    }

    public static string TooLongMessage(double maxSeconds) =>
        $"The audio is longer than this server's limit of {FormatHours(maxSeconds)}; transcribe it in shorter parts.";

    private static string FormatHours(double seconds) =>
        seconds >= 3600 ? $"{seconds / 3600:0.##} hours" : seconds >= 60 ? $"{seconds / 60:0.##} minutes" : $"{seconds:0.##} seconds";

    private static string Seconds(int milliseconds) => (milliseconds / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private FileStream CreateSpool()
    {
        var directory = string.IsNullOrWhiteSpace(scratchDirectory) ? Path.GetTempPath() : scratchDirectory;
        Directory.CreateDirectory(directory);
        return new FileStream(Path.Combine(directory, $"verbatim-{Guid.NewGuid():N}.pcm"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
    }

    /// <summary>
    /// Says what the file is instead, in the spirit of AssemblyAI's "File does not appear to contain audio. File type
    /// is text/plain (ASCII text).", so the user can tell a wrong upload from a damaged one.
    /// </summary>
    private static async Task<string> DescribeUndecodableAsync(string fullPath, string ffmpegError, CancellationToken cancellationToken)
    {
        if (new FileInfo(fullPath).Length == 0)
        {
            return $"{NoAudio} The file is empty (0 bytes).";
        }

        var mimeType = await ExternalProcess.QueryAsync("file", ["--brief", "--mime-type", "--", fullPath], cancellationToken);
        var description = await ExternalProcess.QueryAsync("file", ["--brief", "--", fullPath], cancellationToken);
        var streams = await ExternalProcess.QueryAsync("ffprobe",
            ["-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", .. FfmpegInput.ForProbe(fullPath)], cancellationToken);

        var message = NoAudio;
        if (mimeType is not null)
        {
            message += $" File type is {mimeType}{(description is null ? "" : $" ({Shorten(description)})")}";
            if (streams is { Length: > 0 } && !streams.Contains("audio", StringComparison.Ordinal))
            {
                return message + ", which has no audio stream.";
            }

            message += ".";
        }

        // ffmpeg's complaint helps with a damaged media file; for a PDF or a text file it is noise.
        var looksLikeMedia = mimeType is null || mimeType.StartsWith("audio/", StringComparison.Ordinal)
            || mimeType.StartsWith("video/", StringComparison.Ordinal) || mimeType == "application/octet-stream";
        var ffmpegReason = ffmpegError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (looksLikeMedia && ffmpegReason is not null)
        {
            // The server's own paths are no business of the user's.
            message += $" The decoder reported: {Shorten(ffmpegReason.Replace("file:" + fullPath, "input").Replace(fullPath, "input"))}";
        }

        return message;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
