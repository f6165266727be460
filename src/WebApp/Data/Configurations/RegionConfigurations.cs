using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebApp.Data.Entities;

namespace WebApp.Data.Configurations;

internal sealed class TeamRegionSettingConfiguration : IEntityTypeConfiguration<TeamRegionSetting>
{
    public void Configure(EntityTypeBuilder<TeamRegionSetting> setting)
    {
        setting.HasKey(s => new { s.TeamId, s.Region });
        setting.Property(s => s.Region).HasMaxLength(40);
        setting.Property(s => s.ProtectedApiKey).HasMaxLength(2000);
        // A deleted team takes its region settings (and its keys) with it.
        setting.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
