using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace WebApp.Reader.Components;

/// <summary>
/// The reader's script (TranscriptReader.razor.js) as seen from C#: where the player follows the text, and the
/// seeks a click asks for. A seek asked for while the script is still loading (a slow connection, a quick click) is
/// carried out once it is attached; every other call is a no-op until then, and after the circuit is gone.
/// </summary>
public sealed class ReaderPlayback(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./Reader/Components/TranscriptReader.razor.js";

    private IJSObjectReference? module;
    private ElementReference transcript;
    private (int Milliseconds, bool Play)? seekWhenAttached;

    /// <param name="audio">The player, or null when the transcript has no audio to play.</param>
    /// <param name="startMs">Where to start (?t=), or null for the beginning.</param>
    public async Task AttachAsync(ElementReference transcriptElement, ElementReference? audio, int? startMs)
    {
        module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        transcript = transcriptElement;
        await module.InvokeVoidAsync("attach", transcript, audio, startMs);
        if (seekWhenAttached is { } seek)
        {
            seekWhenAttached = null;
            await module.InvokeVoidAsync("seek", transcript, seek.Milliseconds, seek.Play);
        }
    }

    public Task SeekAsync(int milliseconds, bool play)
    {
        if (module is null)
        {
            seekWhenAttached = (milliseconds, play);
            return Task.CompletedTask;
        }

        return module.InvokeVoidAsync("seek", transcript, milliseconds, play).AsTask();
    }

    /// <summary>After the words were rendered again (a correction, a rename).</summary>
    public Task RefreshAsync() => CallAsync("refresh", transcript);

    public async ValueTask DisposeAsync()
    {
        if (module is null)
        {
            return;
        }

        try
        {
            await module.InvokeVoidAsync("detach", transcript);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and its listeners with it.
        }

        module = null;
    }

    private async Task CallAsync(string function, params object?[] arguments)
    {
        if (module is not null)
        {
            await module.InvokeVoidAsync(function, arguments);
        }
    }
}
