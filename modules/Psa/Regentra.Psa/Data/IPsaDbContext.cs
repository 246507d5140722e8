using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Psa.Clients;
using Regentra.Psa.Tickets;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa.Data;

/// <summary>The PSA module's view of the host's unified DbContext.</summary>
internal interface IPsaDbContext : IRegentraDbContext
{
    DbSet<Client> Clients { get; }

    DbSet<Ticket> Tickets { get; }

    DbSet<TicketSequence> TicketSequences { get; }

    DbSet<TimeEntry> TimeEntries { get; }

    DbSet<TimeEntryTransition> TimeEntryTransitions { get; }

    DbSet<TechnicianTimeLock> TechnicianTimeLocks { get; }
}
