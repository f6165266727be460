using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookPendingAndRecoveryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WebhookPending",
                table: "Transcripts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Status",
                table: "Transcripts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_WebhookPending",
                table: "Transcripts",
                column: "WebhookPending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Transcripts_Status",
                table: "Transcripts");

            migrationBuilder.DropIndex(
                name: "IX_Transcripts_WebhookPending",
                table: "Transcripts");

            migrationBuilder.DropColumn(
                name: "WebhookPending",
                table: "Transcripts");
        }
    }
}
