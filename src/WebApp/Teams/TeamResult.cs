namespace WebApp.Teams;

/// <summary>The outcome of a change to a team: done, or refused with a reason the person can act on.</summary>
public sealed record TeamResult(string? Error)
{
    public static readonly TeamResult Done = new((string?)null);

    public bool Succeeded => Error is null;

    public static TeamResult Refused(string error) => new(error);
}
