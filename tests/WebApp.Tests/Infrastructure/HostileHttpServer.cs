using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A raw TCP HTTP server that misbehaves on purpose, for the server's outbound requests (downloads, webhooks):
/// <c>/redirect?to=URL</c> answers 302, <c>/hang</c> never answers, <c>/stream</c> sends 200 and then a body that
/// never ends, <c>/slow-body</c> sends 200 and a body that stalls, anything else 200 "ok". Every request head is kept.
/// </summary>
public sealed class HostileHttpServer : IDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<string> requests = [];

    public HostileHttpServer(IPAddress? address = null)
    {
        listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Bytes of never-ending bodies written so far: proof that a client kept reading, or stopped.</summary>
    public long StreamedBytes => Interlocked.Read(ref streamed);

    private long streamed;

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public string Url(string pathAndQuery, string host = "127.0.0.1") => $"http://{host}:{Port}{pathAndQuery}";

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            lock (requests)
            {
                requests.Add(head);
            }

            var target = head.Split(' ', 3) is { Length: 3 } parts ? parts[1] : "/";
            if (target.StartsWith("/hang", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            else if (target.StartsWith("/redirect?to=", StringComparison.Ordinal))
            {
                await WriteAsync(stream, $"HTTP/1.1 302 Found\r\nLocation: {Uri.UnescapeDataString(target["/redirect?to=".Length..])}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
            else if (target.StartsWith("/stream", StringComparison.Ordinal))
            {
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
                var chunk = new byte[8192];
                while (!stopping.IsCancellationRequested)
                {
                    await stream.WriteAsync(chunk, stopping.Token);
                    Interlocked.Add(ref streamed, chunk.Length);
                    await Task.Delay(5, stopping.Token);
                }
            }
            else if (target.StartsWith("/slow-body", StringComparison.Ordinal))
            {
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\nstarted");
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            else
            {
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            }
        }
        catch (Exception)
        {
            // The client hung up, or the server stops: both are what these paths are for.
        }
    }

    private async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text), stopping.Token);

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (head.Length < 65536 && await stream.ReadAsync(buffer, stopping.Token) == 1)
        {
            head.Append((char)buffer[0]);
            if (head.Length >= 4 && head.ToString(head.Length - 4, 4) == "\r\n\r\n")
            {
                break;
            }
        }

        return head.ToString();
    }
}
