using WebApp.Data.Entities;

namespace WebApp.Teams;

/// <summary>What each role may do; every path that changes a team's data asks here.</summary>
public static class TeamPermissions
{
    /// <summary>What a viewer is told (and what a viewer's API key gets as its 403 error).</summary>
    public const string ViewerRefusal = "Viewers can read and export transcripts but cannot upload, transcribe, delete or share.";

    /// <summary>Upload, transcribe, correct, delete and share transcripts.</summary>
    public static bool CanWrite(this TeamRole role) => role >= TeamRole.Member;

    /// <summary>Invite, change roles, remove members, and manage every API key of the team.</summary>
    public static bool CanManage(this TeamRole role) => role >= TeamRole.Admin;

    public static string DisplayName(this TeamRole role) => role.ToString();
}
