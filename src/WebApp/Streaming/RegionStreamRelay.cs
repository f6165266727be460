using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using WebApp.Regions;
using WebApp.Transcription.Engines.Remote;

namespace WebApp.Streaming;

/// <summary>
/// <c>/&lt;region&gt;/v3/…</c> for a remote region: the token request goes to the upstream with the team's (or the
/// operator's) key for that region and its answer comes back as it is; a live session is a WebSocket opened upstream,
/// its messages relayed both ways unchanged, close codes and reasons passed through, and both sides closed when one
/// closes. The upstream decodes; nothing of the stream is kept here.
/// </summary>
public sealed class RegionStreamRelay(UpstreamClient upstream, StreamingTokens tokens, ILogger<RegionStreamRelay> logger)
{
    /// <summary>How long the other side may take to finish its close once one side has closed.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Region URLs come from the operator, not from users, so private addresses are allowed, as for the region's
    /// HTTP calls (<see cref="RegionsExtensions.AddRegions"/>).
    /// </summary>
    private static readonly HttpMessageInvoker Connector = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) });

    /// <summary>GET {upstream}/v3/token with the region's key; a token it mints is remembered for this team and region.</summary>
    public async Task<Results<Ok<StreamingTokenApi.TokenResponse>, BadRequest<StreamingTokenApi.ErrorResponse>, JsonHttpResult<StreamingTokenApi.ErrorResponse>, ContentHttpResult>> RelayTokenAsync(Region region, string apiKey, StreamingGrant grant, HttpRequest request)
    {
        UpstreamAnswer answer;
        try
        {
            answer = await upstream.SendAsync(region, apiKey,
                () => new HttpRequestMessage(HttpMethod.Get, new Uri(region.StreamingUrl!, "v3/token" + request.QueryString.Value)),
                request.HttpContext.RequestAborted,
                HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity);
        }
        catch (RegionFailedException failed)
        {
            return TypedResults.Json(new StreamingTokenApi.ErrorResponse(failed.Message), statusCode: StatusCodes.Status502BadGateway);
        }

        if (answer.Status == HttpStatusCode.OK && ReadToken(answer.Body) is { } token)
        {
            var lifetime = int.TryParse(request.Query["expires_in_seconds"], out var seconds) ? seconds : StreamingTokenApi.MaxExpiresInSeconds;
            await tokens.RegisterAsync(token, grant with { Region = region.Name }, TimeSpan.FromSeconds(lifetime));
        }

        return TypedResults.Content(answer.Body, "application/json", statusCode: (int)answer.Status);
    }

    /// <summary>Relays an accepted client socket to the region's /v3/ws until both sides have closed.</summary>
    /// <param name="apiKey">The region's key, sent as the Authorization header; null when the client came with an upstream token.</param>
    public async Task RelaySessionAsync(WebSocket client, Region region, string? apiKey, HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        if (apiKey is not null)
        {
            query.Remove("token");
        }

        var url = new UriBuilder(new Uri(region.StreamingUrl!, "v3/ws"))
        {
            Scheme = region.StreamingUrl!.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = QueryString.Create(query).Value?.TrimStart('?') ?? "",
        }.Uri;
        using var upstreamSocket = new ClientWebSocket();
        upstreamSocket.Options.CollectHttpResponseDetails = true;
        if (apiKey is not null)
        {
            upstreamSocket.Options.SetRequestHeader("Authorization", apiKey);
        }

        try
        {
            await upstreamSocket.ConnectAsync(url, Connector, request.HttpContext.RequestAborted);
        }
        catch (Exception failure) when (failure is WebSocketException or HttpRequestException or OperationCanceledException)
        {
            logger.LogInformation("Region {Region}: the stream could not be opened upstream ({Status})", region.Name, upstreamSocket.HttpStatusCode);
            var refused = upstreamSocket.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
            await StreamingEndpoint.RefuseAsync(client, refused
                ? new StreamingSessionException(StreamingCloseCodes.Unauthorized, $"Unauthorized Connection: Region \"{region.Name}\" refused the API key")
                : new StreamingSessionException(StreamingCloseCodes.ServerError, $"Session Cancelled: Region \"{region.Name}\" could not be reached"));
            return;
        }

        logger.LogInformation("Live session relayed to region {Region}", region.Name);
        var toUpstream = PumpAsync(client, upstreamSocket);
        var toClient = PumpAsync(upstreamSocket, client);
        var first = await Task.WhenAny(toUpstream, toClient);
        var other = first == toUpstream ? toClient : toUpstream;
        if (first.IsFaulted || await Task.WhenAny(other, Task.Delay(CloseGrace)) != other)
        {
            // One side went away without a close handshake, or the other did not finish its close: end both now.
            client.Abort();
            upstreamSocket.Abort();
        }

        await Task.WhenAll(toUpstream.ContinueWith(_ => { }, TaskScheduler.Default), toClient.ContinueWith(_ => { }, TaskScheduler.Default));
        logger.LogInformation("Live session relayed to region {Region} ended ({CloseStatus})", region.Name, upstreamSocket.CloseStatus);
    }

    /// <summary>Copies messages as they come, frame by frame; a close is passed on with its code and reason.</summary>
    private static async Task PumpAsync(WebSocket from, WebSocket to)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await from.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (to.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    var status = from.CloseStatus ?? WebSocketCloseStatus.Empty;
                    await to.CloseOutputAsync(status, status == WebSocketCloseStatus.Empty ? null : from.CloseStatusDescription, CancellationToken.None);
                }

                return;
            }

            await to.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
        }
    }

    private static string? ReadToken(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
