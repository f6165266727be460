namespace WebApp.Transcription.Audio;

/// <summary>
/// The input arguments every ffmpeg and ffprobe call uses for a file a user gave: only the file protocol, and only
/// demuxers of real audio and video containers. Without the demuxer list, an uploaded text file can be read as an
/// ffconcat list or an HLS playlist that opens other files on the server (another team's upload, a redacted copy)
/// or waits forever for a "live" playlist to grow.
/// </summary>
public static class FfmpegInput
{
    /// <summary>Containers people record and share audio in; playlists, concat lists, image sequences and devices are left out.</summary>
    public const string AllowedDemuxers =
        "aac,ac3,aiff,amr,amrnb,amrwb,ape,asf,au,avi,caf,dsf,dts,dtshd,dv,eac3,flac,flv,gsm,ircam,loas,matroska,mlp,mov,mp3,"
        + "mpc,mpc8,mpeg,mpegts,mxf,nistsphere,nut,ogg,oma,rm,shn,sox,tak,truehd,tta,voc,w64,wav,wtv,wv,xwma";

    /// <summary>ffmpeg's input: the restricting options, then "-i" and the file.</summary>
    public static string[] For(string path) => [.. Restrictions, "-i", FileUrl(path)];

    /// <summary>ffprobe's input, which it takes without "-i".</summary>
    public static string[] ForProbe(string path) => [.. Restrictions, FileUrl(path)];

    private static readonly string[] Restrictions = ["-protocol_whitelist", "file", "-format_whitelist", AllowedDemuxers];

    // "file:" keeps a name such as "http:…" or "-x" from being read as a URL or an option.
    private static string FileUrl(string path) => "file:" + Path.GetFullPath(path);
}
