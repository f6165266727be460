using WebApp.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebApp.Tests.Regions;

/// <summary>One request as a <see cref="ScriptedUpstream"/> received it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A tiny real HTTP server (HttpListener on a loopback port) standing in for an upstream in the states a healthy
/// Verbatim never reaches: rate limiting, server errors, silence. It records every request it receives.
/// </summary>
public sealed class ScriptedUpstream : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<ReceivedRequest, HttpListenerResponse, bool> answer;
    private readonly ConcurrentBag<HttpListenerContext> unanswered = [];

    /// <param name="answer">Writes the answer and returns true, or returns false to leave the request unanswered.</param>
    public ScriptedUpstream(Func<ReceivedRequest, HttpListenerResponse, bool> answer)
    {
        this.answer = answer;
        Port = TcpPorts.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public static void Write(HttpListenerResponse response, int status, string json, params (string Name, string Value)[] headers)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            response.AddHeader(name, value);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k]!);
            var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray());
            Received.Enqueue(request);
            if (!answer(request, context.Response))
            {
                unanswered.Add(context);
            }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
