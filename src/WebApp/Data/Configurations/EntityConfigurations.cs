using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebApp.Data.Entities;

namespace WebApp.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(200);
        team.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.HasKey(m => new { m.TeamId, m.UserId });
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class TeamInviteConfiguration : IEntityTypeConfiguration<TeamInvite>
{
    public void Configure(EntityTypeBuilder<TeamInvite> invite)
    {
        invite.Property(i => i.TokenHash).HasMaxLength(64);
        invite.Property(i => i.MailedTo).HasMaxLength(320);
        invite.HasIndex(i => i.TokenHash).IsUnique();
        invite.HasIndex(i => i.TeamId);
        invite.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        invite.HasOne<Team>().WithMany().HasForeignKey(i => i.TeamId);
    }
}

internal sealed class ServerSettingsConfiguration : IEntityTypeConfiguration<ServerSettings>
{
    public void Configure(EntityTypeBuilder<ServerSettings> settings)
    {
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.SignUpPolicy).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.Name).HasMaxLength(200);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.KeyHash).HasMaxLength(64);
        key.HasIndex(k => k.KeyHash).IsUnique();
        key.HasIndex(k => k.TeamId);
        key.HasOne<Team>().WithMany().HasForeignKey(k => k.TeamId);
        // A deleted account takes its keys with it.
        key.HasOne<ApplicationUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredUploadConfiguration : IEntityTypeConfiguration<StoredUpload>
{
    public void Configure(EntityTypeBuilder<StoredUpload> upload)
    {
        upload.Property(u => u.FileName).HasMaxLength(400);
        upload.HasIndex(u => u.TeamId);
        upload.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId);
    }
}

internal sealed class TranscriptConfiguration : IEntityTypeConfiguration<Transcript>
{
    public void Configure(EntityTypeBuilder<Transcript> transcript)
    {
        transcript.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        transcript.Property(t => t.AudioUrl).HasMaxLength(4000);
        transcript.Property(t => t.LanguageCode).HasMaxLength(20);
        transcript.Property(t => t.SpeechModelUsed).HasMaxLength(100);
        transcript.Property(t => t.Title).HasMaxLength(400);
        transcript.Property(t => t.Region).HasMaxLength(40).HasDefaultValue("local");
        transcript.Property(t => t.UpstreamTranscriptId).HasMaxLength(100);
        // Listing is always "this team's, newest first".
        transcript.HasIndex(t => new { t.TeamId, t.CreatedAt });
        // The browser's library filters, counts, sorts and pages a team's transcripts from these alone: each is in
        // the order of one of its sorts (the id breaks ties) and holds every column a filter needs. On SQLite that
        // matters: a row's big Text and WordsJson come before these columns, and reading past them walks their
        // overflow pages, row after row.
        transcript.HasIndex(t => new { t.TeamId, t.DeletedAt, t.CreatedAt, t.Id, t.Status }, "IX_Transcripts_Library_Created");
        transcript.HasIndex(t => new { t.TeamId, t.DeletedAt, t.Title, t.Id, t.Status, t.CreatedAt }, "IX_Transcripts_Library_Title");
        transcript.HasIndex(t => new { t.TeamId, t.DeletedAt, t.AudioDurationSeconds, t.Id, t.Status, t.CreatedAt }, "IX_Transcripts_Library_Duration");
        // Start-up recovery looks for unfinished transcripts and owed webhooks: a few rows among all of them.
        transcript.HasIndex(t => t.Status);
        transcript.HasIndex(t => t.WebhookPending);
        // Admission counts a team's queued jobs and picks its oldest throttled one.
        transcript.HasIndex(t => new { t.TeamId, t.Throttled, t.Status, t.CreatedAt });
        transcript.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId);
    }
}

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> link)
    {
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => new { l.TeamId, l.TranscriptId });
        link.HasOne<Transcript>().WithMany().HasForeignKey(l => l.TranscriptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> usage)
    {
        // One row per transcript: a second attempt to count the same job fails instead of counting twice.
        usage.HasKey(u => u.TranscriptId);
        // No foreign key to the transcript: usage outlives it. Reports read a team's days in order.
        usage.HasIndex(u => new { u.TeamId, u.Day });
        usage.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId);
    }
}
