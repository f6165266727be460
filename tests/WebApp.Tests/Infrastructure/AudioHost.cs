using System.Net;
using System.Net.Sockets;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A small HTTP server on loopback standing in for the outside world: serves audio files, answers 404 for anything
/// else, has a path that accepts the connection and never answers, and records webhook calls.
/// </summary>
public sealed class AudioHost : IDisposable
{
    public const string HangingPath = "/hang.mp3";

    private readonly HttpListener listener = new();
    private readonly Dictionary<string, string> files = new();
    private readonly CancellationTokenSource stopping = new();

    public AudioHost()
    {
        Port = TcpPorts.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Webhook calls received, in order.</summary>
    public List<ReceivedWebhook> Webhooks { get; } = [];

    /// <summary>A URL that records each POST and answers <paramref name="statusCode"/>.</summary>
    public string WebhookUrl(int statusCode) => Url($"/webhook/{statusCode}/{Guid.NewGuid():N}");

    /// <summary>Makes <paramref name="path"/> downloadable and returns its URL.</summary>
    public string Serve(string path)
    {
        var name = "/" + Guid.NewGuid().ToString("N") + Path.GetExtension(path);
        lock (files)
        {
            files[name] = path;
        }

        return Url(name);
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (path == HangingPath)
        {
            // Never answer; the server under test must give up on its own.
            await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { });
            return;
        }

        if (path.StartsWith("/webhook/", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var call = new ReceivedWebhook(path, await reader.ReadToEndAsync(), context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!));
            lock (Webhooks)
            {
                Webhooks.Add(call);
            }

            context.Response.StatusCode = int.Parse(path.Split('/')[2]);
            context.Response.Close();
            return;
        }

        string? file;
        lock (files)
        {
            files.TryGetValue(path, out file);
        }

        try
        {
            if (file is null)
            {
                context.Response.StatusCode = 404;
            }
            else
            {
                context.Response.ContentType = "application/octet-stream";
                await using var source = File.OpenRead(file);
                context.Response.ContentLength64 = source.Length;
                await source.CopyToAsync(context.Response.OutputStream);
            }

            context.Response.Close();
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
        }
    }
}

public sealed record ReceivedWebhook(string Path, string Body, IReadOnlyDictionary<string, string> Headers);
