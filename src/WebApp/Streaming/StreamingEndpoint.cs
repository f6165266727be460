using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Cluster;
using WebApp.Regions;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Streaming;

/// <summary>
/// <c>/v3/ws</c>: AssemblyAI's Universal-Streaming WebSocket. The socket is accepted before anything is checked, as
/// AssemblyAI does, so that a refusal reaches the client as an Error message and a close code it can act on. A session
/// for a remote region (its prefix, a token its upstream minted, or the team's default for a key) is relayed there.
/// </summary>
public static class StreamingEndpoint
{
    public static async Task HandleAsync(
        HttpContext context, StreamingTokens tokens, ApiKeyService keys, TeamRegions teamRegions, RegionStreamRelay relay, StreamingSessions sessions,
        LiveDecoders decoders, LiveRecordings recordings, IOptions<StreamingOptions> options, TimeProvider clock, ILogger<StreamingSession> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "This endpoint takes WebSocket connections (wss://<host>/v3/ws)." });
            return;
        }

        // Checked before accepting, while the request is whole; answered after.
        StreamingGrant? grant;
        StreamingSessionException? problem;
        try
        {
            (grant, problem) = await AuthenticateAsync(context, tokens, keys, options.Value);
        }
        catch (Exception unreachable) when (unreachable.IsRedisOutage())
        {
            logger.LogError(unreachable, "A streaming token could not be redeemed in Redis");
            (grant, problem) = (null, ServerError());
        }

        var upstream = problem is null ? await ChooseRegionAsync(context, grant!, teamRegions) : default;
        problem ??= upstream.Problem;
        StreamingParameters? parameters = null;
        try
        {
            // A remote region's upstream judges the parameters itself: it may take options this server's engine lacks.
            parameters = problem is null && upstream.Region is null ? StreamingParameters.Parse(context.Request.Query) : null;
        }
        catch (StreamingSessionException invalid)
        {
            problem = invalid;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (problem is null && upstream.Region is not null)
        {
            await relay.RelaySessionAsync(socket, upstream.Region, upstream.ApiKey, context.Request);
            return;
        }

        IAsyncDisposable? slot = null;
        try
        {
            slot = problem is null ? await sessions.TryOpenAsync(grant!.TeamId) : null;
        }
        catch (Exception unreachable) when (unreachable.IsRedisOutage())
        {
            logger.LogError(unreachable, "Live sessions could not be counted in Redis");
            problem = ServerError();
        }

        await using var heldSlot = slot;
        if (problem is null && slot is null)
        {
            problem = new StreamingSessionException(StreamingCloseCodes.TooManySessions, "Unauthorized Connection: Too many concurrent sessions");
        }

        if (problem is not null)
        {
            await RefuseAsync(socket, problem);
            return;
        }

        using var recorder = grant!.RecordingId is null ? null : recordings.Start(grant.TeamId);
        var session = new StreamingSession(socket, parameters!, grant, decoders, options.Value, clock, logger) { Recorded = recorder is null ? null : recorder.Write };
        logger.LogInformation("Live session {SessionId} began for team {TeamId}", session.Id, grant.TeamId);
        await session.RunAsync(context.RequestAborted);
        logger.LogInformation("Live session {SessionId} ended", session.Id);
        if (recorder is not null)
        {
            await recordings.SaveAsync(grant.RecordingId!.Value, grant, recorder);
        }
    }

    /// <summary>AssemblyAI's 3005: the server could not serve the session (here, the cluster's Redis was unreachable).</summary>
    private static StreamingSessionException ServerError() => new(StreamingCloseCodes.ServerError, "Session Cancelled: An error occurred");

    /// <summary>A temporary token in the query, or an API key in the Authorization header, as AssemblyAI takes them.</summary>
    private static async Task<(StreamingGrant? Grant, StreamingSessionException? Problem)> AuthenticateAsync(
        HttpContext context, StreamingTokens tokens, ApiKeyService keys, StreamingOptions options)
    {
        var token = context.Request.Query["token"].ToString();
        if (token.Length > 0)
        {
            var (grant, problem) = await tokens.RedeemAsync(token);
            return (grant, problem is null ? null : Unauthorized(problem));
        }

        string? header = context.Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, Unauthorized("Missing Authorization header"));
        }

        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : header;
        var identity = await keys.FindActiveAsync(key, context.RequestAborted);
        return identity is null
            ? (null, Unauthorized("Invalid API key"))
            : (new StreamingGrant(identity.TeamId, identity.UserId, options.MaxSessionSeconds), null);
    }

    /// <summary>
    /// The remote region the session goes to, with the key to send there (none when the client's token is the
    /// upstream's); no region for a local session. A region closed to the team is refused as a bad credential.
    /// </summary>
    private static async Task<(Region? Region, string? ApiKey, StreamingSessionException? Problem)> ChooseRegionAsync(
        HttpContext context, StreamingGrant grant, TeamRegions teamRegions)
    {
        var requested = context.RequestedRegion();
        var byToken = context.Request.Query["token"].ToString().Length > 0;
        if (byToken && requested is not null && requested != grant.Region)
        {
            return (null, null, Unauthorized("Invalid token"));
        }

        var choice = await teamRegions.ChooseAsync(grant.TeamId, byToken ? grant.Region : requested, context.RequestAborted);
        if (choice.Region is null)
        {
            return (null, null, Unauthorized(choice.Error!));
        }

        if (!choice.Region.IsRemote)
        {
            return (null, null, null);
        }

        var apiKey = byToken ? null : await teamRegions.UpstreamKeyAsync(grant.TeamId, choice.Region.Name, context.RequestAborted);
        return (choice.Region, apiKey, null);
    }

    private static StreamingSessionException Unauthorized(string reason) => new(StreamingCloseCodes.Unauthorized, $"Unauthorized Connection: {reason}");

    /// <summary>AssemblyAI's refusal: an Error message, then the close with its code.</summary>
    public static async Task RefuseAsync(WebSocket socket, StreamingSessionException problem)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.SendAsync(new ErrorMessage(problem.Code, problem.Message).ToUtf8(), WebSocketMessageType.Text, true, timeout.Token);
            await socket.CloseOutputAsync((WebSocketCloseStatus)problem.Code, problem.Message.Length <= 120 ? problem.Message : "See Error message for details", timeout.Token);
        }
        catch (Exception failure) when (failure is WebSocketException or OperationCanceledException)
        {
        }
    }
}
