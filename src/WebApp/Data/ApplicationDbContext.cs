using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;

namespace WebApp.Data;

/// <summary>
/// The one model of the app. Each database provider has a subclass of its own (see Providers/) so that each
/// keeps its own migrations; code everywhere else asks for this type.
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<TeamInvite> TeamInvites => Set<TeamInvite>();

    public DbSet<ServerSettings> ServerSettings => Set<ServerSettings>();
    public DbSet<TeamRegionSetting> TeamRegionSettings => Set<TeamRegionSetting>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<StoredUpload> Uploads => Set<StoredUpload>();

    public DbSet<Transcript> Transcripts => Set<Transcript>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<UsageRecord> UsageRecords => Set<UsageRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly, type => type.Namespace == typeof(ApplicationDbContext).Namespace + ".Configurations");
    }
}
