namespace WebApp.Reader;

/// <summary>
/// The media type of a stored upload, told from its first bytes: uploads arrive as raw bytes without a name or
/// type, and a browser's audio element needs a type it can play.
/// </summary>
public static class AudioContentType
{
    public const string Unknown = "application/octet-stream";

    public static string Sniff(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return Sniff(header[..read]);
    }

    public static string Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8))
        {
            return "audio/wav";
        }

        if (header.StartsWith("ID3"u8) || (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0 && (header[1] & 0x06) != 0))
        {
            return "audio/mpeg";
        }

        if (header.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (header.StartsWith("fLaC"u8))
        {
            return "audio/flac";
        }

        // ADTS AAC: a 12-bit sync word with layer 0 (MPEG audio above has a non-zero layer).
        if (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xF6) == 0xF0)
        {
            return "audio/aac";
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            // M4A and M4B are audio; anything else in an MP4 box (mp42, isom, qt) may carry video too.
            return header[8..12].SequenceEqual("M4A "u8) || header[8..12].SequenceEqual("M4B "u8) ? "audio/mp4" : "video/mp4";
        }

        if (header.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
        {
            return "video/webm";
        }

        return Unknown;
    }
}
