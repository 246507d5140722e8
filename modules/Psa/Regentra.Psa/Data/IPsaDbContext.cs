using Regentra.Framework.Data;

namespace Regentra.Psa.Data;

/// <summary>The Psa module's view of the host's unified DbContext. Its DbSets arrive with the module's features.</summary>
internal interface IPsaDbContext : IRegentraDbContext
{
}
