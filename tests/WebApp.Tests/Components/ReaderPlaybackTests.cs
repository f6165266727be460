using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using WebApp.Reader.Components;

namespace WebApp.Tests.Components;

/// <summary>
/// The reader's side of its script, against a browser whose module import is still on its way: the words are on screen
/// before the script is, and a click in between must not be lost.
/// </summary>
public sealed class ReaderPlaybackTests
{
    [Fact]
    public async Task ASeek_WhileTheScriptIsLoading_IsCarriedOutOnceItIsAttached()
    {
        var browser = new SlowBrowser();
        var playback = new ReaderPlayback(browser);

        var attaching = playback.AttachAsync(new ElementReference("t"), null, null);
        await playback.SeekAsync(1200, play: true);
        await playback.SeekAsync(2600, play: true);
        Assert.Empty(browser.Module.Calls);

        browser.Import.SetResult(browser.Module);
        await attaching;

        Assert.Equal(["attach", "seek"], browser.Module.Calls.Select(c => c.Function));
        Assert.Equal(2600, browser.Module.Calls[1].Arguments[1]);
        Assert.Equal(true, browser.Module.Calls[1].Arguments[2]);
    }

    [Fact]
    public async Task ASeek_OnceAttached_GoesStraightToTheScript()
    {
        var browser = new SlowBrowser();
        browser.Import.SetResult(browser.Module);
        var playback = new ReaderPlayback(browser);
        await playback.AttachAsync(new ElementReference("t"), null, null);

        await playback.SeekAsync(700, play: false);

        Assert.Equal(["attach", "seek"], browser.Module.Calls.Select(c => c.Function));
        Assert.Equal(700, browser.Module.Calls[1].Arguments[1]);
    }

    private sealed class SlowBrowser : IJSRuntime
    {
        public TaskCompletionSource<IJSObjectReference> Import { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RecordingModule Module { get; } = new();

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Assert.Equal("import", identifier);
            return (TValue)await Import.Task;
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    private sealed class RecordingModule : IJSObjectReference
    {
        public List<(string Function, object?[] Arguments)> Calls { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Calls.Add((identifier, args ?? []));
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
