using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Uploads;

/// <summary>Where uploaded audio lives: &lt;data&gt;/uploads/&lt;team&gt;/&lt;upload id&gt;.</summary>
public sealed class UploadStore(IOptions<VerbatimOptions> options)
{
    private readonly string root = Path.Combine(options.Value.DataDirectoryFullPath, "uploads");

    public string PathFor(Guid teamId, Guid uploadId) => Path.Combine(root, teamId.ToString(), uploadId.ToString());

    /// <summary>Copies <paramref name="source"/> to the store in chunks, never holding it whole in memory.</summary>
    /// <returns>The bytes written, or null if the source was longer than <paramref name="maxBytes"/> (nothing is kept then).</returns>
    public async Task<long?> SaveAsync(Guid teamId, Guid uploadId, Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathFor(teamId, uploadId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        try
        {
            long written;
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                written = await StreamedBody.CopyBoundedAsync(source, target, maxBytes, cancellationToken);
            }

            if (written < 0)
            {
                File.Delete(partial);
                return null;
            }

            File.Move(partial, path);
            return written;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public void Delete(Guid teamId, Guid uploadId) => File.Delete(PathFor(teamId, uploadId));

    /// <summary>Removes every upload of the team (its account was deleted).</summary>
    public void DeleteTeam(Guid teamId) => DeleteDirectory(Path.Combine(root, teamId.ToString()));

    internal static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
