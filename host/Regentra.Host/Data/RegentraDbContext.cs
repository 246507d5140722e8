using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Agreements;
using Regentra.Billing.Checkout;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Billing.Invoices.Emails;
using Regentra.Billing.Runs;
using Regentra.Billing.StripeAccounts;
using Regentra.Billing.StripeWebhooks;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Psa.Clients;
using Regentra.Psa.Data;
using Regentra.Psa.Tickets;
using Regentra.Psa.TimeEntries;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;
using Regentra.Saas.Invitations;
using Regentra.Saas.Roles;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Host.Data;

/// <summary>
/// The one DbContext of the application (ABP's unified DbContext): it implements every module's DbContext
/// interface, so one SaveChanges and one transaction can span modules. Each provider has a subclass
/// carrying its own migrations.
/// </summary>
internal abstract class RegentraDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : IdentityDbContext<AppUser, AppRole, Guid>(options),
        ISaasDbContext, IPsaDbContext, IBillingDbContext, IDataProtectionKeyContext
{
    /// <summary>Read by the "Tenant" query filter each time a query runs.</summary>
    public Guid? CurrentTenantId => currentTenant.Id;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantSettings> TenantSettings => Set<TenantSettings>();

    public DbSet<Regentra.Saas.Branding.TenantLogo> TenantLogos => Set<Regentra.Saas.Branding.TenantLogo>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<RolePermissionGrant> RolePermissionGrants => Set<RolePermissionGrant>();

    public DbSet<PermissionSeed> PermissionSeeds => Set<PermissionSeed>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketSequence> TicketSequences => Set<TicketSequence>();

    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();

    public DbSet<TimeEntryTransition> TimeEntryTransitions => Set<TimeEntryTransition>();

    public DbSet<TechnicianTimeLock> TechnicianTimeLocks => Set<TechnicianTimeLock>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<InvoiceEmail> InvoiceEmails => Set<InvoiceEmail>();

    public DbSet<InvoiceNumberSequence> InvoiceNumberSequences => Set<InvoiceNumberSequence>();

    public DbSet<ClientBillingLock> ClientBillingLocks => Set<ClientBillingLock>();

    public DbSet<BillingRun> BillingRuns => Set<BillingRun>();

    public DbSet<BillingRunItem> BillingRunItems => Set<BillingRunItem>();

    public DbSet<StripeConnection> StripeConnections => Set<StripeConnection>();

    public DbSet<CheckoutSession> CheckoutSessions => Set<CheckoutSession>();

    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    /// <summary>The data-protection key ring, shared by every host so cookies and tokens work behind a load balancer.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    DbSet<IdentityUserRole<Guid>> ISaasDbContext.UserRoles => UserRoles;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ConfigureSaas();
        builder.ConfigurePsa();
        builder.ConfigureBilling();
        builder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().ToTable("HostDataProtectionKeys");
        builder.ApplyRegentraConventions(this);
    }
}
