using Microsoft.Extensions.Options;
using WebApp.Transcription.Redaction;
using WebApp.Uploads;

namespace WebApp.Infrastructure;

/// <summary>
/// Where redact_pii_audio's files live: &lt;data&gt;/redacted-audio/&lt;team&gt;/&lt;transcript id&gt;.mp3 (or .wav), beside
/// the uploads, so a worker process that makes them and the web process that serves them share them.
/// </summary>
public sealed class RedactedAudioStore(IOptions<VerbatimOptions> options)
{
    private readonly string root = Path.Combine(options.Value.DataDirectoryFullPath, "redacted-audio");

    public string PathFor(Guid teamId, Guid transcriptId, RedactedAudioFormat format) =>
        Path.Combine(root, teamId.ToString(), transcriptId + format.Extension);

    /// <summary>The transcript's redacted file and its format, or null when there is none.</summary>
    public (string Path, RedactedAudioFormat Format)? Find(Guid teamId, Guid transcriptId) =>
        RedactedAudioFormat.All.Select(f => (Path: PathFor(teamId, transcriptId, f), Format: f))
            .Where(file => File.Exists(file.Path))
            .Select(file => ((string, RedactedAudioFormat)?)file)
            .FirstOrDefault();

    /// <summary>Removes the transcript's redacted file, in whichever format it was made (if it was).</summary>
    public void Delete(Guid teamId, Guid transcriptId)
    {
        // File.Delete ignores a missing file but not a missing folder: most teams never had redacted audio.
        foreach (var path in RedactedAudioFormat.All.Select(f => PathFor(teamId, transcriptId, f)).Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    /// <summary>Removes every redacted file of the team (its account was deleted).</summary>
    public void DeleteTeam(Guid teamId) => UploadStore.DeleteDirectory(Path.Combine(root, teamId.ToString()));
}
