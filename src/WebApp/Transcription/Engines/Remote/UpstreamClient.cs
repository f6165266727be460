using System.Net;
using WebApp.Regions;

namespace WebApp.Transcription.Engines.Remote;

/// <summary>A remote region could not do what the job asked; the message names the region and is the transcript's error.</summary>
public sealed class RegionFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An upstream's answer: its status and body.</summary>
public sealed record UpstreamAnswer(HttpStatusCode Status, string Body);

/// <summary>
/// Calls one remote region with bounded patience: each try has a timeout; 429, 5xx, timeouts and refused connections
/// are tried again after Retry-After (or a doubling backoff) up to the region's MaxAttempts; a refused key fails at once.
/// The key goes in the authorization header only: neither it nor the header is ever logged.
/// </summary>
public sealed class UpstreamClient(IHttpClientFactory clients, RegionCatalog catalog, TimeProvider clock, ILogger<UpstreamClient> logger)
{
    public const string HttpClientName = "regions";

    /// <param name="newRequest">Builds the request afresh for every try (a body stream is read once).</param>
    /// <param name="allowed">Statuses that are answers rather than failures (e.g. 404 for a delete).</param>
    /// <exception cref="RegionFailedException">The upstream refused, or did not answer well within the bounds.</exception>
    public async Task<UpstreamAnswer> SendAsync(
        Region region, string apiKey, Func<HttpRequestMessage> newRequest, CancellationToken cancellationToken, params HttpStatusCode[] allowed)
    {
        var settings = catalog.SettingsOf(region.Name);
        var failure = "";
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            using var request = newRequest();
            request.RequestUri = new Uri(region.BaseUrl!, request.RequestUri!.OriginalString.TrimStart('/'));
            request.Headers.TryAddWithoutValidation("authorization", apiKey);
            var what = $"{request.Method} {request.RequestUri.AbsolutePath}";
            TimeSpan? retryAfter = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
            try
            {
                using var client = clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode || allowed.Contains(response.StatusCode))
                {
                    return new UpstreamAnswer(response.StatusCode, body);
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new RegionFailedException($"Region \"{region.Name}\" refused the API key ({status} {response.ReasonPhrase}). A team admin can set the region's key under Regions.");
                }

                if (status != 429 && status < 500)
                {
                    throw new RegionFailedException($"Region \"{region.Name}\" refused the request ({status} {response.ReasonPhrase}): {UpstreamMessage(body)}");
                }

                failure = $"answered {status} {response.ReasonPhrase}";
                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"did not answer within {settings.RequestTimeoutSeconds} seconds";
            }
            catch (HttpRequestException ex)
            {
                failure = $"could not be reached ({ex.InnerException?.Message ?? ex.Message})";
            }

            logger.LogInformation("Region {Region}: {Call} {Failure} (try {Attempt} of {Attempts})", region.Name, what, failure, attempt, settings.MaxAttempts);
            if (attempt < settings.MaxAttempts)
            {
                var backoff = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                var wait = TimeSpan.FromSeconds(Math.Min((retryAfter ?? backoff).TotalSeconds, settings.MaxRetryDelaySeconds));
                await Task.Delay(wait, clock, cancellationToken);
            }
        }

        throw new RegionFailedException($"Region \"{region.Name}\" {failure}, {settings.MaxAttempts} {(settings.MaxAttempts == 1 ? "try" : "tries")}; giving up.");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The upstream's {"error": "…"} message, or its body cut short.</summary>
    private static string UpstreamMessage(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
            {
                return error.ToString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return body.Length > 300 ? body[..300] + "…" : body;
    }
}
