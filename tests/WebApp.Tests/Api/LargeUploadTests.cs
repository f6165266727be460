using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Hundreds of megabytes through POST /app/uploads go to disk as they arrive, never whole into the server's memory.</summary>
public sealed class LargeUploadTests : IAsyncLifetime
{
    private const long Size = 300L * 1024 * 1024;

    private readonly VerbatimServer server = new();

    public Task InitializeAsync() => server.StartAsync();

    [Fact]
    public async Task Upload_300MB_IsStoredWhole_WhileTheServersMemoryBarelyMoves()
    {
        using var dana = await BrowserSession.RegisterAsync(server.BaseAddress, "dana@example.com");
        var token = await dana.AntiforgeryTokenAsync();
        var peakBefore = PeakResidentBytes(server.ProcessId);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/uploads?name=long-meeting.wav") { Content = new StreamContent(new PatternStream(Size)) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Content.Headers.ContentLength = Size;

        using var response = await dana.Http.SendAsync(request);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(Size, body.GetProperty("sizeBytes").GetInt64());
        var stored = Directory.GetFiles(Path.Combine(server.DataDirectory, "uploads"), "*", SearchOption.AllDirectories).Single();
        Assert.Equal(Size, new FileInfo(stored).Length);
        var growth = PeakResidentBytes(server.ProcessId) - peakBefore;
        Assert.True(growth < 64L * 1024 * 1024, $"the server's peak memory grew by {growth / 1024 / 1024} MB for a {Size / 1024 / 1024} MB upload");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    // VmHWM: the most memory the process has ever held resident.
    private static long PeakResidentBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    /// <summary>A long run of bytes made up as it is read, so the test holds no more of it than the server should.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((position + i) * 31);
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
