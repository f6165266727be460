namespace WebApp.Streaming;

/// <summary>
/// AssemblyAI's close codes for Universal-Streaming ("Common session errors and closures"): an Error frame carrying the
/// code and message is sent first, then the WebSocket closes with the same code.
/// </summary>
public static class StreamingCloseCodes
{
    /// <summary>Missing or invalid API key or token ("Unauthorized Connection: …").</summary>
    public const int Unauthorized = 1008;

    /// <summary>"Session Cancelled: An error occurred".</summary>
    public const int ServerError = 3005;

    /// <summary>Invalid JSON, message type, message or configuration.</summary>
    public const int InputValidation = 3006;

    /// <summary>Audio chunks outside 50–1000 ms, or audio sent faster than real time.</summary>
    public const int AudioChunkViolation = 3007;

    /// <summary>"Session Expired: Maximum session duration exceeded".</summary>
    public const int SessionExpired = 3008;

    /// <summary>"Unauthorized Connection: Too many concurrent sessions".</summary>
    public const int TooManySessions = 3009;
}

/// <summary>Ends a session with one of <see cref="StreamingCloseCodes"/>.</summary>
public sealed class StreamingSessionException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
