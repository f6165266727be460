using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Streaming;

/// <summary>
/// One live session on an accepted WebSocket: reads audio and control messages, feeds them to a
/// <see cref="LiveTranscriber"/> on a thread of its own (decoding blocks in native code), and writes its messages back
/// in order. Ends on Terminate, on a client close, or with one of AssemblyAI's close codes.
/// </summary>
public sealed class StreamingSession(
    WebSocket socket, StreamingParameters parameters, StreamingGrant grant, LiveDecoders decoders, StreamingOptions options,
    TimeProvider clock, ILogger logger)
{
    private const int MinChunkMs = 50;
    private const int MaxChunkMs = 1000;

    private readonly Channel<StreamingMessage> outgoing = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    private readonly BlockingCollection<object> work = [];
    private readonly PcmInput input = new(parameters.Encoding, parameters.SampleRate);
    private readonly DateTimeOffset started = clock.GetUtcNow();
    private long receivedSamples;

    /// <summary>The decoder the transcriber uses; replaced at a turn boundary when UpdateConfiguration brings new key terms.</summary>
    private LiveDecoders.LiveDecoder? current;

    /// <summary>Every 16 kHz sample of the session, for callers that keep its audio (the Live page).</summary>
    public Action<short[]>? Recorded { get; init; }

    public string Id { get; } = Guid.NewGuid().ToString();

    public async Task RunAsync(CancellationToken aborted)
    {
        var maxSeconds = Math.Min(grant.MaxSessionSeconds, options.MaxSessionSeconds);
        var expiresAt = started.AddSeconds(maxSeconds);
        var sender = SendAllAsync();
        Send(new BeginMessage(Id, expiresAt.ToUnixTimeSeconds()));

        var decoding = Task.CompletedTask;
        (int Code, string Reason) close = (1000, "");
        try
        {
            var acquiring = decoders.AcquireAsync(parameters.Keyterms, aborted);
            var receiving = ReceiveAllAsync(expiresAt, aborted);
            current = await acquiring;
            decoding = DecodeAllAsync();
            var terminated = await receiving;
            work.Add(terminated ? Finish.Session : Finish.Abandoned, CancellationToken.None);
            work.CompleteAdding();
            await decoding;
            if (terminated)
            {
                Send(new TerminationMessage(
                    (int)Math.Round(receivedSamples / (double)PcmInput.TargetRate), (int)Math.Round((clock.GetUtcNow() - started).TotalSeconds)));
            }
        }
        catch (StreamingSessionException problem)
        {
            close = (problem.Code, problem.Message);
        }
        catch (Exception failure) when (!aborted.IsCancellationRequested)
        {
            logger.LogError(failure, "Live session {SessionId} failed", Id);
            current?.MarkFailed();
            close = (StreamingCloseCodes.ServerError, "Session Cancelled: An error occurred");
        }
        finally
        {
            work.CompleteAdding();
            await decoding.ContinueWith(_ => { }, TaskScheduler.Default);
            current?.Dispose();
            while (work.TryTake(out var left))
            {
                (left as Rebias)?.Decoder.Dispose();
            }
        }

        if (close.Code != 1000)
        {
            Send(new ErrorMessage(close.Code, close.Reason));
        }

        outgoing.Writer.TryComplete();
        await sender;
        await CloseAsync(close.Code, close.Reason);
    }

    /// <returns>True when the client sent Terminate (or fell silent past inactivity_timeout); false when it closed the socket.</returns>
    /// <remarks>
    /// Time limits race each receive rather than cancel it: cancelling a WebSocket receive aborts the socket, and the
    /// session must still send its Termination or Error and close with a code.
    /// </remarks>
    private async Task<bool> ReceiveAllAsync(DateTimeOffset expiresAt, CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        var inactivity = parameters.InactivityTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
        while (true)
        {
            var receiving = socket.ReceiveAsync(buffer, aborted);
            var untilExpiry = expiresAt - clock.GetUtcNow();
            var wait = inactivity < untilExpiry ? inactivity : untilExpiry;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            if (receiving != await Task.WhenAny(receiving, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, timer.Token)))
            {
                if (clock.GetUtcNow() >= expiresAt)
                {
                    throw new StreamingSessionException(StreamingCloseCodes.SessionExpired, "Session Expired: Maximum session duration exceeded");
                }

                return true;
            }

            await timer.CancelAsync();
            WebSocketReceiveResult result;
            try
            {
                result = await receiving;
            }
            catch (WebSocketException)
            {
                return false;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                AcceptAudio(bytes);
            }
            else if (await ReadControlAsync(Encoding.UTF8.GetString(bytes), aborted))
            {
                return true;
            }
        }
    }

    private void AcceptAudio(byte[] bytes)
    {
        var durationMs = input.DurationMs(bytes.Length);
        if (durationMs < 0)
        {
            throw new StreamingSessionException(StreamingCloseCodes.InputValidation, "Invalid Message: pcm_s16le audio must be whole 16-bit samples");
        }

        if (durationMs is < MinChunkMs or > MaxChunkMs)
        {
            throw new StreamingSessionException(StreamingCloseCodes.AudioChunkViolation,
                $"Input duration violation: {durationMs:F0} ms. Expected between {MinChunkMs} and {MaxChunkMs} ms");
        }

        var samples = input.Convert(bytes);
        receivedSamples += samples.Length;
        var audioSeconds = receivedSamples / (double)PcmInput.TargetRate;
        var elapsedSeconds = (clock.GetUtcNow() - started).TotalSeconds;
        if (audioSeconds > elapsedSeconds + options.BurstSeconds)
        {
            throw new StreamingSessionException(StreamingCloseCodes.AudioChunkViolation,
                $"Audio Transmission Rate Exceeded: Received {audioSeconds:F1} sec. audio in {elapsedSeconds:F1} sec");
        }

        Recorded?.Invoke(samples);
        work.Add(samples);
    }

    /// <returns>True for Terminate.</returns>
    private async Task<bool> ReadControlAsync(string text, CancellationToken aborted)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            throw new StreamingSessionException(StreamingCloseCodes.InputValidation, $"Invalid JSON: {Shorten(text)}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new StreamingSessionException(StreamingCloseCodes.InputValidation, $"Invalid Message: {Shorten(text)}");
        }

        switch (type.GetString())
        {
            case "Terminate":
                return true;
            case "KeepAlive":
                return false;
            case "ForceEndpoint":
                work.Add(Control.ForceEndpoint);
                return false;
            case "UpdateConfiguration":
                var update = new UpdateConfiguration(root.Clone()).Checked();
                work.Add(update);
                if (update.Keyterms is { } keyterms)
                {
                    // Loading a decoder biased to the new terms takes about a second; audio waits in the socket
                    // meanwhile, so everything sent after this message is decoded with them from the next turn on.
                    work.Add(new Rebias(await decoders.AcquireAsync(keyterms, aborted)));
                }

                return false;
            default:
                throw new StreamingSessionException(StreamingCloseCodes.InputValidation, $"Invalid Message Type: {Shorten(type.GetString()!)}");
        }
    }

    private Task DecodeAllAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var transcriber = new LiveTranscriber(current!.Decoder, current.Vocabulary, parameters.Turns, options.PartialIntervalMs, Send);
                LiveDecoders.LiveDecoder? next = null;
                foreach (var item in work.GetConsumingEnumerable())
                {
                    switch (item)
                    {
                        case short[] samples:
                            transcriber.Push(samples);
                            break;
                        case Control.ForceEndpoint:
                            transcriber.ForceEndpoint();
                            break;
                        case UpdateConfiguration update:
                            transcriber.Settings = update.ApplyTo(transcriber.Settings);
                            break;
                        case Finish.Session:
                            transcriber.Finish();
                            break;
                        case Rebias rebias:
                            next?.Dispose();
                            next = rebias.Decoder;
                            break;
                        case Finish.Abandoned:
                            transcriber.Abandon();
                            next?.Dispose();
                            return;
                    }

                    // New key terms take over between turns: a turn is decoded by one decoder from start to end.
                    if (next is not null && !transcriber.InTurn)
                    {
                        transcriber.Use(next.Decoder, next.Vocabulary);
                        var previous = current;
                        current = next;
                        next = null;
                        previous.Dispose();
                    }
                }

                next?.Dispose();

                // Ended by an error: a turn in progress is dropped, leaving the decoder ready for another session.
                transcriber.Abandon();

                done.SetResult();
            }
            catch (Exception failure)
            {
                current!.MarkFailed();
                done.TrySetException(failure);
            }
            finally
            {
                done.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = "live-session",
        };
        thread.Start();
        return done.Task;
    }

    private void Send(StreamingMessage message) => outgoing.Writer.TryWrite(message);

    private async Task SendAllAsync()
    {
        await foreach (var message in outgoing.Reader.ReadAllAsync())
        {
            if (socket.State != WebSocketState.Open)
            {
                continue;
            }

            try
            {
                await socket.SendAsync(message.ToUtf8(), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The client went away; the session ends through its receive loop.
            }
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        // A close frame's reason holds at most 123 bytes; the Error message before it has the whole text.
        var shortReason = Encoding.UTF8.GetByteCount(reason) <= 123 ? reason : "See Error message for details";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, shortReason, timeout.Token);
        }
        catch (Exception problem) when (problem is WebSocketException or OperationCanceledException)
        {
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private enum Control
    {
        ForceEndpoint,
    }

    private enum Finish
    {
        Session,
        Abandoned,
    }

    /// <summary>A decoder biased to key terms from UpdateConfiguration, waiting for the turn in progress to end.</summary>
    private sealed record Rebias(LiveDecoders.LiveDecoder Decoder);

    /// <summary>
    /// AssemblyAI's UpdateConfiguration message: the turn settings it names change from the next audio on; new key
    /// terms (replacing the session's; [] clears them) from the next turn on.
    /// </summary>
    private sealed class UpdateConfiguration(JsonElement message)
    {
        public IReadOnlyList<string>? Keyterms { get; private set; }

        /// <summary>Refuses what this server cannot do and values out of range (3006), as the query is refused.</summary>
        public UpdateConfiguration Checked()
        {
            if (message.TryGetProperty("prompt", out _))
            {
                throw StreamingParameters.Invalid("prompt is not supported by this server: the live engine takes no prompt; use keyterms_prompt");
            }

            if (message.TryGetProperty("keyterms_prompt", out var keyterms))
            {
                Keyterms = keyterms.ValueKind == JsonValueKind.Array && keyterms.EnumerateArray().All(term => term.ValueKind == JsonValueKind.String)
                    ? StreamingParameters.CheckKeyterms([.. keyterms.EnumerateArray().Select(term => term.GetString()!)])
                    : throw StreamingParameters.Invalid("keyterms_prompt must be an array of strings");
            }

            ApplyTo(new TurnSettings());
            return this;
        }

        public TurnSettings ApplyTo(TurnSettings settings) => settings.With(
            Number(message, "end_of_turn_confidence_threshold", 1),
            (int?)(Number(message, "min_turn_silence", 10000) ?? Number(message, "min_end_of_turn_silence_when_confident", 10000)),
            (int?)Number(message, "max_turn_silence", 10000),
            Number(message, "vad_threshold", 1),
            Flag(message, "format_turns"),
            Flag(message, "filter_profanity"));

        private static double? Number(JsonElement message, string name, double max)
        {
            if (!message.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= 0 && number <= max
                ? number
                : throw StreamingParameters.Invalid($"{name} must be a number from 0 to {max}");
        }

        private static bool? Flag(JsonElement message, string name)
        {
            if (!message.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw StreamingParameters.Invalid($"{name} must be true or false");
        }
    }
}
