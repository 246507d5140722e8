using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regentra.Saas.Identity;
using Regentra.Saas.Invitations;
using Regentra.Saas.Roles;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Data;

internal static class SaasModelBuilderExtensions
{
    /// <summary>Maps the Saas tables (prefixed "Saas"). Call after Identity's own model configuration.</summary>
    public static ModelBuilder ConfigureSaas(this ModelBuilder builder)
    {
        builder.Entity<Tenant>(b =>
        {
            b.ToTable("SaasTenants");
            b.Property(t => t.Name).HasMaxLength(100).IsRequired();
            b.Property(t => t.Slug).HasMaxLength(40).IsRequired();
            b.Property(t => t.SuspensionReason).HasMaxLength(500);
            b.HasIndex(t => t.Slug).IsUnique();
        });

        builder.Entity<Branding.TenantLogo>(b =>
        {
            b.ToTable("SaasTenantLogos");
            b.Property(l => l.ContentType).HasMaxLength(20).IsRequired();
            b.Property(l => l.Content).IsRequired();
            b.Property(l => l.Version).HasMaxLength(16).IsRequired();
            b.HasIndex(l => l.TenantId).IsUnique(); // one logo per organisation
        });

        builder.Entity<TenantSettings>(b =>
        {
            b.ToTable("SaasTenantSettings");
            b.Property(s => s.Address).HasMaxLength(500);
            b.Property(s => s.TimeZone).HasMaxLength(64).IsRequired();
            b.Property(s => s.Currency).HasMaxLength(3).IsRequired();
            b.Property(s => s.InvoicePrefix).HasMaxLength(10).IsRequired();
            b.Property(s => s.TaxRatePercent).HasPrecision(7, 4);
            b.Property(s => s.DefaultHourlyRate).HasPrecision(18, 4);
            b.HasIndex(s => s.TenantId).IsUnique();
        });

        builder.Entity<Invitation>(b =>
        {
            b.ToTable("SaasInvitations");
            b.Property(i => i.Email).HasMaxLength(256).IsRequired();
            b.Property(i => i.NormalizedEmail).HasMaxLength(256).IsRequired();
            b.Property(i => i.Role).HasMaxLength(64).IsRequired();
            b.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.HasIndex(i => new { i.TenantId, i.NormalizedEmail });
        });

        builder.Entity<RolePermissionGrant>(b =>
        {
            b.ToTable("SaasRolePermissionGrants");
            b.Property(g => g.PermissionName).HasMaxLength(128).IsRequired();
            b.HasIndex(g => new { g.RoleId, g.PermissionName }).IsUnique();
            b.HasIndex(g => g.TenantId);
            b.HasOne<AppRole>().WithMany().HasForeignKey(g => g.RoleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PermissionSeed>(b =>
        {
            b.ToTable("SaasPermissionSeeds");
            b.Property(s => s.PermissionName).HasMaxLength(128).IsRequired();
            b.HasIndex(s => new { s.TenantId, s.PermissionName }).IsUnique();
        });

        builder.Entity<UserSession>(b =>
        {
            b.ToTable("SaasUserSessions");
            b.Property(s => s.Id).HasMaxLength(64);
            b.HasIndex(s => s.UserId);
            b.HasIndex(s => s.ExpiresAt);
        });

        ConfigureIdentity(builder);
        return builder;
    }

    // Identity's defaults make user and role names globally unique; here they are unique per tenant,
    // so two MSPs can each have an "Admin" role and the same person can belong to both.
    private static void ConfigureIdentity(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("SaasUsers");
            b.Property(u => u.Name).HasMaxLength(128).IsRequired();
            DropIndex(b, "UserNameIndex");
            DropIndex(b, "EmailIndex");
            b.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().HasDatabaseName("IX_SaasUsers_TenantId_UserName");
            b.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).HasDatabaseName("IX_SaasUsers_TenantId_Email");
        });

        builder.Entity<AppRole>(b =>
        {
            b.ToTable("SaasRoles");
            DropIndex(b, "RoleNameIndex");
            b.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique().HasDatabaseName("IX_SaasRoles_TenantId_Name");
        });

        builder.Entity<IdentityUserRole<Guid>>().ToTable("SaasUserRoles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("SaasUserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("SaasUserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("SaasUserTokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("SaasRoleClaims");
        builder.Entity<IdentityUserPasskey<Guid>>().ToTable("SaasUserPasskeys");
    }

    private static void DropIndex<T>(EntityTypeBuilder<T> builder, string databaseName)
        where T : class
    {
        var index = builder.Metadata.GetIndexes().FirstOrDefault(i => i.GetDatabaseName() == databaseName);
        if (index is not null)
        {
            builder.Metadata.RemoveIndex(index);
        }
    }
}
