using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Framework.BackgroundJobs;

/// <summary>A unit of background work that runs for one tenant (or the host when the tenant is null).</summary>
public interface ITenantJob<in TArgs>
{
    Task ExecuteAsync(TArgs args, CancellationToken cancellationToken);
}

/// <summary>
/// What Hangfire actually invokes: opens a fresh DI scope, enters the job's tenant, then runs the job,
/// so a job sees exactly what a request of that tenant would see, and never another tenant's rows.
/// Generic over the job type rather than the method, because Hangfire can store a closed generic type
/// but cannot find a generic method again when it deserializes the call.
/// </summary>
public sealed class TenantJobRunner<TJob, TArgs>(IServiceScopeFactory scopes, ICurrentTenant currentTenant)
    where TJob : ITenantJob<TArgs>
{
    public async Task RunAsync(Guid? tenantId, TArgs args, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using (currentTenant.Change(tenantId))
        {
            var job = scope.ServiceProvider.GetRequiredService<TJob>();
            await job.ExecuteAsync(args, cancellationToken);
        }
    }
}

public static class TenantJobClientExtensions
{
    /// <summary>Enqueues <typeparamref name="TJob"/> to run inside <paramref name="tenantId"/>. Hangfire supplies the cancellation token.</summary>
    public static string EnqueueForTenant<TJob, TArgs>(this IBackgroundJobClient client, Guid? tenantId, TArgs args)
        where TJob : ITenantJob<TArgs> =>
        client.Enqueue<TenantJobRunner<TJob, TArgs>>(runner => runner.RunAsync(tenantId, args, CancellationToken.None));
}
