namespace WebApp.Data.Entities;

public class Transcript
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    /// <summary>Who submitted it.</summary>
    public string? UserId { get; set; }

    /// <summary>The API key it was submitted with; null when it came from the browser app.</summary>
    public Guid? ApiKeyId { get; set; }

    public TranscriptStatus Status { get; set; }

    /// <summary>What the browser app shows as the transcript's name: the uploaded file's name, or the URL's last segment.</summary>
    public string? Title { get; set; }

    /// <summary>Names people gave to speakers in the reader ({"A": "Dana"} as JSON); words keep the letters.</summary>
    public string? SpeakerNamesJson { get; set; }

    /// <summary>The audio_url as the client gave it (or "http://deleted_by_user" once deleted).</summary>
    public required string AudioUrl { get; set; }

    /// <summary>Set when <see cref="AudioUrl"/> points at one of our uploads.</summary>
    public Guid? UploadId { get; set; }

    /// <summary>The request's options (TranscriptOptions as JSON), echoed back on every read.</summary>
    public required string OptionsJson { get; set; }

    public string? Text { get; set; }

    /// <summary>The recognised words (TranscriptWordResult[] as JSON).</summary>
    public string? WordsJson { get; set; }

    /// <summary>
    /// What entity_detection, auto_highlights and sentiment_analysis found (Transcription/Model/StoredInsights, our own
    /// versioned JSON); null when none was asked for, and cleared with the words when the transcript is deleted.
    /// </summary>
    public string? InsightsJson { get; set; }

    public double? Confidence { get; set; }

    public double? AudioDurationSeconds { get; set; }

    /// <summary>How many channels were transcribed separately (multichannel), else null.</summary>
    public int? AudioChannels { get; set; }

    /// <summary>How many different speakers the words are labelled with (speaker_labels or multichannel), else null.</summary>
    public int? SpeakerCount { get; set; }

    public string? LanguageCode { get; set; }

    /// <summary>With language_detection: how sure detection was of <see cref="LanguageCode"/> (or, when that is null, that the speech is not English).</summary>
    public double? LanguageConfidence { get; set; }

    public string? SpeechModelUsed { get; set; }

    /// <summary>Where the audio is transcribed: "local" (this server's engines) or a configured remote region's name.</summary>
    public string Region { get; set; } = "local";

    /// <summary>The transcript's id on a remote region's server, once created there; the job resumes following it after a restart.</summary>
    public string? UpstreamTranscriptId { get; set; }

    public string? Error { get; set; }

    /// <summary>The status code the webhook_url answered last; null until then, or when it never answered.</summary>
    public int? WebhookStatusCode { get; set; }

    /// <summary>
    /// A webhook is owed: set in the same save that finishes the transcript, cleared when delivery has ended. If the
    /// process dies before the webhook job is queued, start-up recovery sees this and queues it.
    /// </summary>
    public bool WebhookPending { get; set; }

    /// <summary>
    /// Queued but held back: the team already has its limit of jobs in the queue (Limits/TeamJobAdmission). It gets
    /// its job, and this turns false, when one of them ends.
    /// </summary>
    public bool Throttled { get; set; }

    /// <summary>0–100 while processing, for the live status in the browser.</summary>
    public int Progress { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? DeletedAt { get; set; }
}

public enum TranscriptStatus
{
    Queued,
    Processing,
    Completed,
    Error,
}

public static class TranscriptStatusNames
{
    /// <summary>audio_duration in whole seconds, rounded to nearest, as AssemblyAI gives it; every page shows the same.</summary>
    public static int? WholeAudioSeconds(this Transcript transcript) =>
        transcript.AudioDurationSeconds is { } seconds ? (int)Math.Round(seconds) : null;

    /// <summary>"queued", "processing", "completed", "error": the names AssemblyAI's API, webhooks and our pages use.</summary>
    public static string Name(this TranscriptStatus status) => status.ToString().ToLowerInvariant();
}
