using Regentra.Framework.Data;

namespace Regentra.Billing.Data;

/// <summary>The Billing module's view of the host's unified DbContext. Its DbSets arrive with the module's features.</summary>
internal interface IBillingDbContext : IRegentraDbContext
{
}
