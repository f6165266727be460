using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Transcription;

/// <summary>The audio_url could not be downloaded; the message is shown as the transcript's error.</summary>
public sealed class AudioFetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Downloads an audio_url to a file, with a size cap and a timeout. Loopback, private and link-local addresses are
/// refused unless configuration allows them; the check runs on the address actually connected to, so a DNS name
/// that resolves to an internal address is caught as well.
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
                throw new AudioFetchException($"{DownloadError(url)} The server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > settings.MaxBytes)
            {
                throw new AudioFetchException($"{DownloadError(url)} The file is larger than the limit of {settings.MaxBytes} bytes.");
            }

            await using var source = await response.Content.ReadAsStreamAsync(timeout.Token);
            await using var target = File.Create(targetPath);
            if (await UploadStore.CopyBoundedAsync(source, target, settings.MaxBytes, timeout.Token) < 0)
            {
                throw new AudioFetchException($"{DownloadError(url)} The file is larger than the limit of {settings.MaxBytes} bytes.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AudioFetchException($"{DownloadError(url)} No complete answer within {settings.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation("Download of an audio_url failed: {Reason}", ex.Message);
            throw new AudioFetchException($"{DownloadError(url)} {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    private static string DownloadError(string url) =>
        $"Download error, unable to download {url}. Please make sure the file exists and is accessible from the internet.";

    /// <summary>The handler behind <see cref="HttpClientName"/>: connects only to public addresses unless allowed.</summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions settings) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        ConnectTimeout = TimeSpan.FromSeconds(Math.Min(30, settings.TimeoutSeconds)),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = settings.AllowPrivateAddresses ? addresses : addresses.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to a private or local address, which this server does not fetch from.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] == 127 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }
}
