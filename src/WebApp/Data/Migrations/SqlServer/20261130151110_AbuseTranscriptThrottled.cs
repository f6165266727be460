using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AbuseTranscriptThrottled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Throttled",
                table: "Transcripts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_TeamId_Throttled_Status_CreatedAt",
                table: "Transcripts",
                columns: new[] { "TeamId", "Throttled", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Transcripts_TeamId_Throttled_Status_CreatedAt",
                table: "Transcripts");

            migrationBuilder.DropColumn(
                name: "Throttled",
                table: "Transcripts");
        }
    }
}
