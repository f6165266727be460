using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace WebApp.Tests.Streaming;

/// <summary>A raw /v3/ws client's moves, for tests that speak the protocol through .NET's ClientWebSocket.</summary>
public static class LiveSocket
{
    /// <summary>The next message as JSON; with <paramref name="expectClose"/> the next thing must be the close.</summary>
    public static async Task<JsonElement> ReadAsync(WebSocket socket, bool expectClose = false)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Assert.True(expectClose, $"closed {socket.CloseStatus} {socket.CloseStatusDescription}");
                return default;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                Assert.False(expectClose, "expected the socket to close: " + Encoding.UTF8.GetString(message.ToArray()));
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Every message up to and including the one of type <paramref name="last"/>.</summary>
    public static async Task<List<JsonElement>> ReadUntilAsync(WebSocket socket, string last)
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = await ReadAsync(socket);
            messages.Add(message);
            if (message.GetProperty("type").GetString() == last)
            {
                return messages;
            }
        }
    }

    /// <summary>16 kHz s16le audio in 100 ms messages, paced a little faster than real time (within AssemblyAI's burst).</summary>
    public static async Task SendAudioAsync(WebSocket socket, byte[] pcm, int pauseMs = 50)
    {
        for (var offset = 0; pcm.Length - offset >= 1600; offset += 3200)
        {
            await socket.SendAsync(pcm.AsMemory(offset, Math.Min(3200, pcm.Length - offset)), WebSocketMessageType.Binary, true, default);
            await Task.Delay(pauseMs);
        }
    }

    public static Task SendJsonAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, default);

    public static IEnumerable<JsonElement> FinalTurns(IEnumerable<JsonElement> messages) => messages.Where(m =>
        m.GetProperty("type").GetString() == "Turn" && m.GetProperty("end_of_turn").GetBoolean() && !m.GetProperty("turn_is_formatted").GetBoolean());
}
