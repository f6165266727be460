using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebApp.Streaming;

/// <summary>AssemblyAI's v3 server messages, as the SDKs read them (snake_case JSON with a "type").</summary>
public abstract record StreamingMessage
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, GetType(), Json);
}

/// <param name="ExpiresAt">When the session will be ended for its length, in Unix seconds.</param>
public sealed record BeginMessage(string Id, long ExpiresAt) : StreamingMessage
{
    public override string Type => "Begin";
}

/// <param name="Timestamp">Audio time of the start of speech, in ms from the start of the session.</param>
public sealed record SpeechStartedMessage(long Timestamp) : StreamingMessage
{
    public override string Type => "SpeechStarted";
}

/// <param name="Transcript">The turn's words that will not change any more (all of them once the turn has ended).</param>
/// <param name="Utterance">The whole turn's text once it has ended; empty before.</param>
public sealed record TurnMessage(
    int TurnOrder,
    bool TurnIsFormatted,
    bool EndOfTurn,
    string Transcript,
    double EndOfTurnConfidence,
    IReadOnlyList<StreamingWord> Words,
    string Utterance) : StreamingMessage
{
    public override string Type => "Turn";
}

/// <param name="Start">Audio time in ms from the start of the session.</param>
public sealed record StreamingWord(int Start, int End, string Text, double Confidence, bool WordIsFinal);

public sealed record TerminationMessage(int AudioDurationSeconds, int SessionDurationSeconds) : StreamingMessage
{
    public override string Type => "Termination";
}

/// <summary>Sent just before the socket closes with <paramref name="ErrorCode"/>.</summary>
public sealed record ErrorMessage(int ErrorCode, string Error) : StreamingMessage
{
    public override string Type => "Error";
}
