namespace WebApp.Uploads.Components;

/// <summary>A file the person picked or dropped, as the browser describes it; the bytes stay in the browser.</summary>
/// <param name="Id">The browser's key for the file.</param>
/// <param name="Type">Its MIME type as the browser guesses it; often empty.</param>
public sealed record PickedFile(string Id, string Name, long Size, string? Type);

/// <summary>How the server answered an upload; <see cref="Status"/> 0 when the connection failed or was aborted.</summary>
public sealed record UploadResponse(int Status, string Body);
