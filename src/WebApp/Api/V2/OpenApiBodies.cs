using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WebApp.Api.V2;

/// <summary>
/// Request bodies for the OpenAPI document. The handlers read their bodies themselves (to stream uploads and to
/// word type errors AssemblyAI's way), so the document is told about them here rather than by parameter binding;
/// an Accepts() filter would also turn away requests whose Content-Type differs, which AssemblyAI does not.
/// </summary>
internal static class OpenApiBodies
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Describe(string contentType, string description) =>
        (operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() },
            };
            return Task.CompletedTask;
        };
}
