namespace WebApp.Transcription.Engine;

/// <summary>Decodes any file ffmpeg can read (audio, or video with an audio track) to 16 kHz mono PCM.</summary>
/// <param name="scratchDirectory">Where the PCM is spooled; null or empty means the system temp directory.</param>
public sealed class AudioDecoder(string? scratchDirectory = null)
{
    private const string NoAudio = "File does not appear to contain audio.";

    /// <exception cref="AudioDecodingException">Nothing in the file decodes as audio; the message says what the file is.</exception>
    public async Task<DecodedAudio> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        var input = new FileInfo(path);
        if (!input.Exists)
        {
            throw new FileNotFoundException("The audio file to decode does not exist.", path);
        }

        var spool = CreateSpool();
        try
        {
            var outcome = await ExternalProcess.RunAsync("ffmpeg", FfmpegArguments(input.FullName),
                stdout => stdout.CopyToAsync(spool, CancellationToken.None), cancellationToken);
            await spool.FlushAsync(CancellationToken.None);

            // A damaged file still yields what could be decoded, with a non-zero exit code; that beats failing the job.
            if (spool.Length >= sizeof(short))
            {
                return new DecodedAudio(spool);
            }

            throw new AudioDecodingException(await DescribeUndecodableAsync(input.FullName, outcome.StandardErrorTail, cancellationToken));
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static string[] FfmpegArguments(string fullPath) =>
    [
        "-nostdin", "-hide_banner", "-loglevel", "error",
        // "file:" and the whitelist keep a crafted name or playlist from making ffmpeg open URLs or other protocols.
        "-protocol_whitelist", "file",
        "-i", "file:" + fullPath,
        "-vn", "-sn", "-dn",
        "-ac", "1", "-ar", DecodedAudio.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1",
    ];

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
            ["-v", "error", "-protocol_whitelist", "file", "-show_entries", "stream=codec_type", "-of", "csv=p=0", "file:" + fullPath], cancellationToken);

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
