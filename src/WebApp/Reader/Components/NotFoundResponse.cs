namespace WebApp.Reader.Components;

/// <summary>A real 404 for a page that explains itself (the reader's "not found", a share link's "not available").</summary>
public static class NotFoundResponse
{
    /// <summary>
    /// Answers 404 while the page still renders its own content. Set during rendering, the status would make Blazor
    /// drop the content and the status-code pages re-execute into the app's generic "page not found"; set as the
    /// response starts, it goes out with this page's explanation.
    /// </summary>
    public static void Send(HttpContext? context)
    {
        if (context is { Response.HasStarted: false })
        {
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
    }
}
