using System.ComponentModel.DataAnnotations;

namespace WebApp.Transcription.Events;

/// <summary>
/// Settings under "Verbatim:Events": how a worker process (Verbatim:Cluster:Role=Worker on another machine or
/// process) gets its jobs' live status to the browsers connected to the web process.
/// </summary>
public sealed class EventsOptions : IValidatableObject
{
    public const string Section = "Verbatim:Events";

    /// <summary>
    /// On a worker process: the web process's hub, e.g. http://web:8080/hubs/transcripts. Changes are then forwarded
    /// there instead of being broadcast locally. Leave empty on the web process.
    /// </summary>
    public string? HubUrl { get; set; }

    /// <summary>Shared by the web process and its workers: a worker proves with it that it may publish changes.</summary>
    [MinLength(16, ErrorMessage = "Verbatim:Events:Secret must be at least 16 characters long.")]
    public string? Secret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HubUrl is null)
        {
            yield break;
        }

        if (!Uri.TryCreate(HubUrl, UriKind.Absolute, out var hub) || (hub.Scheme != Uri.UriSchemeHttp && hub.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Verbatim:Events:HubUrl must be an absolute http or https URL, e.g. http://web:8080/hubs/transcripts.", [nameof(HubUrl)]);
        }

        if (string.IsNullOrEmpty(Secret))
        {
            yield return new ValidationResult("Verbatim:Events:Secret is required with Verbatim:Events:HubUrl: set the same secret on the web process.", [nameof(Secret)]);
        }
    }
}
