using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Host.Tests;

/// <summary>
/// A job enqueued for a tenant really runs on the in-process Hangfire server, inside that tenant, on the
/// storage the provider implies: in memory next to SQLite, Hangfire.PostgreSql next to PostgreSQL.
/// </summary>
public sealed class BackgroundJobTests(BackgroundJobTests.JobServerApp app) : IClassFixture<BackgroundJobTests.JobServerApp>
{
    public sealed class JobServerApp : RegentraApp
    {
        public TaskCompletionSource<(Guid? Tenant, string Message)> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void AddSettings(IDictionary<string, string?> settings)
        {
            settings["BackgroundJobs:RunServer"] = "true";
            settings["BackgroundJobs:Storage"] = Database.Provider == TestProvider.PostgreSql ? "PostgreSql" : "InMemory";
        }

        protected override void AddServices(IServiceCollection services)
        {
            services.AddSingleton(Ran);
            services.AddScoped<ProbeJob>();
        }
    }

    public sealed class ProbeJob(ICurrentTenant tenant, TaskCompletionSource<(Guid? Tenant, string Message)> ran) : ITenantJob<string>
    {
        public Task ExecuteAsync(string args, CancellationToken cancellationToken)
        {
            ran.TrySetResult((tenant.Id, args));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_job_enqueued_for_a_tenant_runs_inside_that_tenant()
    {
        var tenant = Guid.NewGuid();

        app.Services.GetRequiredService<IBackgroundJobClient>().EnqueueForTenant<ProbeJob, string>(tenant, "month closed");
        var ran = await app.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        ran.Tenant.ShouldBe(tenant);
        ran.Message.ShouldBe("month closed");
    }
}
