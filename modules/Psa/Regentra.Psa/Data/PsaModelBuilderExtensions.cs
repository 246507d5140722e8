using Microsoft.EntityFrameworkCore;

namespace Regentra.Psa.Data;

internal static class PsaModelBuilderExtensions
{
    /// <summary>Maps the Psa tables (prefixed "Psa").</summary>
    public static ModelBuilder ConfigurePsa(this ModelBuilder builder) => builder;
}
