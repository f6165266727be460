using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RegionsTeamSettingsAndTranscriptRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Transcripts",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "local");

            migrationBuilder.AddColumn<string>(
                name: "UpstreamTranscriptId",
                table: "Transcripts",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TeamRegionSettings",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Region = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Disabled = table.Column<bool>(type: "bit", nullable: false),
                    ProtectedApiKey = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    IsDefault = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamRegionSettings", x => new { x.TeamId, x.Region });
                    table.ForeignKey(
                        name: "FK_TeamRegionSettings_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TeamRegionSettings");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Transcripts");

            migrationBuilder.DropColumn(
                name: "UpstreamTranscriptId",
                table: "Transcripts");
        }
    }
}
