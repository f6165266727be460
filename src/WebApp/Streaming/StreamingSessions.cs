using Microsoft.Extensions.Options;

namespace WebApp.Streaming;

/// <summary>Counts open live sessions, per team and for the server, to refuse one too many with AssemblyAI's 3009.</summary>
public sealed class StreamingSessions(IOptions<StreamingOptions> options)
{
    private readonly Dictionary<Guid, int> perTeam = [];
    private int total;

    public int Open
    {
        get
        {
            lock (perTeam)
            {
                return total;
            }
        }
    }

    /// <returns>A slot to dispose when the session ends, or null when the team or the server is at its limit.</returns>
    public IDisposable? TryOpen(Guid teamId)
    {
        lock (perTeam)
        {
            var teamCount = perTeam.GetValueOrDefault(teamId);
            if (teamCount >= options.Value.MaxSessionsPerTeam || total >= options.Value.SessionLimit)
            {
                return null;
            }

            perTeam[teamId] = teamCount + 1;
            total++;
        }

        return new Slot(this, teamId);
    }

    private void Close(Guid teamId)
    {
        lock (perTeam)
        {
            total--;
            if (--perTeam[teamId] == 0)
            {
                perTeam.Remove(teamId);
            }
        }
    }

    private sealed class Slot(StreamingSessions sessions, Guid teamId) : IDisposable
    {
        private int closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref closed, 1) == 0)
            {
                sessions.Close(teamId);
            }
        }
    }
}
