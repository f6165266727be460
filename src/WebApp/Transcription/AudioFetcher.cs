using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Transcription;

/// <summary>The audio_url could not be downloaded; the message is shown as the transcript's error.</summary>
/// <param name="reason">Why, without the URL: what logs may say (a URL may carry credentials or a signature).</param>
public sealed class AudioFetchException(string message, string reason, Exception? inner = null) : Exception(message, inner)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Downloads an audio_url to a file, with a size cap and a timeout, through <see cref="PublicAddressHandler"/>
/// (no private addresses unless configuration allows them).
/// </summary>
public sealed class AudioFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, ILogger<AudioFetcher> logger)
{
    public const string HttpClientName = "audio-fetch";

    public async Task FetchAsync(string url, string targetPath, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(url, $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > settings.MaxBytes)
            {
                throw Failed(url, $"The file is larger than the limit of {settings.MaxBytes} bytes.");
            }

            await using var source = await response.Content.ReadAsStreamAsync(timeout.Token);
            await using var target = File.Create(targetPath);
            if (await StreamedBody.CopyBoundedAsync(source, target, settings.MaxBytes, timeout.Token) < 0)
            {
                throw Failed(url, $"The file is larger than the limit of {settings.MaxBytes} bytes.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(url, $"No complete answer within {settings.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation("Download of an audio_url failed: {Reason}", ex.Message);
            throw Failed(url, ex.InnerException?.Message ?? ex.Message, ex);
        }
    }

    private static AudioFetchException Failed(string url, string reason, Exception? inner = null) => new($"{DownloadError(url)} {reason}", reason, inner);

    private static string DownloadError(string url) =>
        $"Download error, unable to download {url}. Please make sure the file exists and is accessible from the internet.";
}
