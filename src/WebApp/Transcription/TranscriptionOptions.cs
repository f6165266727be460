using System.ComponentModel.DataAnnotations;
using System.Net;
using WebApp.Infrastructure;

namespace WebApp.Transcription;

/// <summary>Settings under "Verbatim:Transcription".</summary>
public sealed class TranscriptionOptions
{
    public const string Section = "Verbatim:Transcription";

    /// <summary>How many transcripts this process works on at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 2;
}

/// <summary>Settings under "Verbatim:Fetch": how audio_url downloads (and webhooks) reach the URLs users give.</summary>
public sealed class FetchOptions : IValidatableObject
{
    public const string Section = "Verbatim:Fetch";

    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    [Range(1, 86400)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Off by default so that audio_url cannot reach into the server's own network (SSRF).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Private networks allowed all the same, in CIDR form ("10.1.2.0/24"): an internal file server, say.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    public AddressPolicy Policy => new(AllowPrivateAddresses, [.. AllowedNetworks.Select(IPNetwork.Parse)]);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedNetworks.Where(network => !IPNetwork.TryParse(network, out _))
            .Select(network => new ValidationResult($"Verbatim:Fetch:AllowedNetworks: \"{network}\" is not a network in CIDR form, such as 10.1.2.0/24."));
}
