using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Transcription.Engines.Whisper;

/// <param name="EngineName">The engine it became ("whisper-small.en"); null when refused.</param>
/// <param name="StatusCode">200, or why not: 400 (not a model, a bad name), 409 (already installed), 413 (too large).</param>
public sealed record ModelInstallResult(string? EngineName, int StatusCode, string? Error);

/// <summary>
/// Puts a model file an administrator sends into the models folder. It is written beside the models under a name the
/// folder's listing ignores, checked whole as a ggml whisper model, and only then moved into place, so no job ever
/// sees half a file or something that is not a model.
/// </summary>
public sealed partial class WhisperModelInstaller(WhisperModelSource source, IOptions<WhisperOptions> options, ILogger<WhisperModelInstaller> logger)
{
    public async Task<ModelInstallResult> InstallAsync(string? fileName, Stream content, CancellationToken cancellationToken)
    {
        if (fileName is null || !FileNamePattern().IsMatch(fileName))
        {
            return new(null, StatusCodes.Status400BadRequest,
                "A whisper.cpp model file is named ggml-<model>.bin in lower case, e.g. ggml-small.en.bin or ggml-large-v3-turbo.bin.");
        }

        var target = Path.Combine(source.ModelsDirectory, fileName);
        if (File.Exists(target))
        {
            return new(null, StatusCodes.Status409Conflict, $"{fileName} is already installed. Delete it from the models folder first to replace it.");
        }

        Directory.CreateDirectory(source.ModelsDirectory);
        var partial = Path.Combine(source.ModelsDirectory, $".incoming-{Guid.NewGuid():N}.partial");
        try
        {
            long written;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                written = await StreamedBody.CopyBoundedAsync(content, file, options.Value.MaxModelBytes, cancellationToken);
            }

            if (written < 0)
            {
                return new(null, StatusCodes.Status413PayloadTooLarge, $"The file is larger than the {options.Value.MaxModelBytes / (1 << 20)} MiB a model may be here.");
            }

            var info = new FileInfo(partial);
            if (new WhisperModelFile(partial, info.Length, info.LastWriteTimeUtc).FindDefect() is { } defect)
            {
                return new(null, StatusCodes.Status400BadRequest, $"{fileName} was not installed: {defect}.");
            }

            File.Move(partial, target);
            var engineName = WhisperModelFile.EngineNameFor(fileName);
            logger.LogInformation("Installed whisper model {EngineName} ({Bytes} bytes)", engineName, written);
            return new(engineName, StatusCodes.Status200OK, null);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    [GeneratedRegex("^ggml-[a-z0-9][a-z0-9._-]{0,60}\\.bin$")]
    private static partial Regex FileNamePattern();
}
