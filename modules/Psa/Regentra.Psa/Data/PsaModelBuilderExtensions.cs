using Microsoft.EntityFrameworkCore;
using Regentra.Psa.Clients;
using Regentra.Psa.Tickets;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa.Data;

internal static class PsaModelBuilderExtensions
{
    /// <summary>Maps the PSA tables (prefixed "Psa"). Every index of a tenant-owned table leads with TenantId.</summary>
    public static ModelBuilder ConfigurePsa(this ModelBuilder builder)
    {
        builder.Entity<Client>(b =>
        {
            b.ToTable("PsaClients");
            b.Property(c => c.Name).HasMaxLength(200).IsRequired();
            b.Property(c => c.NormalizedName).HasMaxLength(200).IsRequired();
            b.Property(c => c.BillingEmail).HasMaxLength(256);
            b.Property(c => c.Address).HasMaxLength(500);
            b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
            b.Property(c => c.Notes).HasMaxLength(4000);
            b.HasIndex(c => new { c.TenantId, c.NormalizedName }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.IsActive, c.NormalizedName });
        });

        builder.Entity<Ticket>(b =>
        {
            b.ToTable("PsaTickets");
            b.Property(t => t.Title).HasMaxLength(200).IsRequired();
            b.Property(t => t.Description).HasMaxLength(8000);
            b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Priority).HasConversion<string>().HasMaxLength(10);
            b.HasIndex(t => new { t.TenantId, t.Number }).IsUnique();
            b.HasIndex(t => new { t.TenantId, t.Status });
            b.HasIndex(t => new { t.TenantId, t.ClientId });
            b.HasIndex(t => new { t.TenantId, t.AssigneeId });
            b.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TicketSequence>(b =>
        {
            b.ToTable("PsaTicketSequences");
            b.HasKey(s => s.TenantId);
        });

        builder.Entity<TimeEntry>(b =>
        {
            b.ToTable("PsaTimeEntries");
            b.Property(e => e.Description).HasMaxLength(TimeEntry.MaxDescriptionLength).IsRequired();
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.RejectionReason).HasMaxLength(1000);
            b.Ignore(e => e.Kind);
            b.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Client>().WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(e => e.Transitions).WithOne().HasForeignKey(t => t.TimeEntryId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(e => e.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);

            // One index per way the entries are read: own timesheet, everyone's list, the approval queue,
            // a client's period (billing it, and an invoice's entries, which are always its client's in its period),
            // a ticket's time (the foreign key's own index). A client or ticket id already pins the tenant, so those
            // indexes lead with it and also serve the foreign key. Every index is maintained by each invoicing
            // UPDATE, so there are no duplicates and none on InvoiceId (docs/adr/0007-lean-indexes-and-bulk-writes.md).
            b.HasIndex(e => new { e.TenantId, e.TechnicianId, e.WorkDate });
            b.HasIndex(e => new { e.TenantId, e.WorkDate });
            b.HasIndex(e => new { e.TenantId, e.Status, e.TechnicianId, e.WorkDate });
            b.HasIndex(e => new { e.ClientId, e.WorkDate });
        });

        builder.Entity<TechnicianTimeLock>(b =>
        {
            b.ToTable("PsaTechnicianTimeLocks");
            b.HasKey(l => new { l.TenantId, l.TechnicianId });
        });

        builder.Entity<TimeEntryTransition>(b =>
        {
            b.ToTable("PsaTimeEntryTransitions");
            b.Property(t => t.Action).HasMaxLength(20).IsRequired();
            b.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Reason).HasMaxLength(1000);
            b.HasIndex(t => new { t.TimeEntryId, t.Step }).IsUnique(); // read through its entry, whose id pins the tenant
        });

        return builder;
    }
}
