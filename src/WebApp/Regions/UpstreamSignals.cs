using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using WebApp.Transcription.Engines.Remote;

namespace WebApp.Regions;

/// <summary>
/// The upstream's webhook, when this server has a public URL: it wakes the job following that transcript so it reads
/// the result at once instead of at its next poll. The header carries the transcript id sealed by Data Protection, so
/// only the upstream that was given it can wake a job (and a wake-up only makes the job look sooner).
/// </summary>
public sealed class UpstreamSignals(IDataProtectionProvider dataProtection)
{
    public const string HeaderName = "X-Verbatim-Region-Token";

    private readonly IDataProtector protector = dataProtection.CreateProtector("Verbatim.Regions.UpstreamWebhook");

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> waiting = new();

    public UpstreamWebhook WebhookFor(string publicUrl, Guid transcriptId) =>
        new($"{publicUrl}/regions/webhook/{transcriptId}", HeaderName, protector.Protect(transcriptId.ToString()));

    /// <summary>From before the upstream transcript exists until <see cref="Forget"/>, a webhook for it is kept for the next wait.</summary>
    public void Watch(Guid transcriptId) => waiting.GetOrAdd(transcriptId, _ => new SemaphoreSlim(0));

    public void Forget(Guid transcriptId)
    {
        if (waiting.TryRemove(transcriptId, out var signal))
        {
            signal.Dispose();
        }
    }

    /// <summary>Waits for <paramref name="timeout"/>, or less when the upstream's webhook for the transcript arrives (or came since the last wait).</summary>
    public async Task WaitAsync(Guid transcriptId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (waiting.TryGetValue(transcriptId, out var signal))
        {
            await signal.WaitAsync(timeout, cancellationToken);
        }
        else
        {
            await Task.Delay(timeout, cancellationToken);
        }
    }

    /// <returns>False when the token is not the one given for this transcript.</returns>
    public bool Signal(Guid transcriptId, string? token)
    {
        try
        {
            if (token is null || protector.Unprotect(token) != transcriptId.ToString())
            {
                return false;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (waiting.TryGetValue(transcriptId, out var signal) && signal.CurrentCount == 0)
        {
            signal.Release();
        }

        return true;
    }
}
