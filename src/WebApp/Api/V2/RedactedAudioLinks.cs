using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WebApp.Infrastructure;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>
/// The redacted_audio_url: like AssemblyAI's pre-signed link it downloads with a plain GET and no API key, as the
/// SDKs do. The token is the transcript id sealed by ASP.NET Core Data Protection (authenticated encryption with the
/// app's keys) with an expiry, so it cannot be guessed or forged, and nothing about it is stored. It stops working
/// when it expires or when the transcript is deleted (the download checks the transcript).
/// </summary>
public sealed class RedactedAudioLinks(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    /// <summary>How long one URL works; asking GET …/redacted-audio again gives a fresh one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector protector =
        dataProtection.CreateProtector("Verbatim.RedactedAudio.v1").ToTimeLimitedDataProtector();

    public string UrlFor(HttpRequest request, Guid transcriptId, RedactedAudioFormat format) =>
        UrlFor(ReverseProxy.PublicBaseUrl(request), transcriptId, format);

    /// <param name="linkBase">"https://host", without a trailing slash.</param>
    public string UrlFor(string linkBase, Guid transcriptId, RedactedAudioFormat format)
    {
        var token = protector.Protect(transcriptId.ToString(), clock.GetUtcNow() + Lifetime);
        return $"{linkBase}/v2/redacted-audio/{transcriptId}{format.Extension}?token={token}";
    }

    /// <summary>Whether <paramref name="token"/> was made by <see cref="UrlFor"/> for this transcript and has not expired.</summary>
    public bool IsValid(Guid transcriptId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return protector.Unprotect(token, out _) == transcriptId.ToString();
        }
        catch (CryptographicException)
        {
            // Tampered, expired, or sealed with a key this app no longer has.
            return false;
        }
    }
}
