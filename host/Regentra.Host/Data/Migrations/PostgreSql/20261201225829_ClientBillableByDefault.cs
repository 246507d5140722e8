using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regentra.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ClientBillableByDefault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BillableByDefault",
                table: "PsaClients",
                type: "boolean",
                nullable: false,
                // Time for existing clients stays billable, as it was before the setting existed.
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BillableByDefault",
                table: "PsaClients");
        }
    }
}
