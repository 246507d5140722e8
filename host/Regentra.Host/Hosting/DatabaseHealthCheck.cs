using Microsoft.Extensions.Diagnostics.HealthChecks;
using Regentra.Host.Data;

namespace Regentra.Host.Hosting;

/// <summary>Ready means the database answers; a load balancer should stop sending traffic when it does not.</summary>
internal sealed class DatabaseHealthCheck(RegentraDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database is reachable.")
            : HealthCheckResult.Unhealthy("The database is not reachable.");
}
