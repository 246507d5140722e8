using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.BackgroundJobs;
using Regentra.Framework.Money;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Framework.Tests;

public sealed class MoneyAndJobTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("EUR", 2)]
    public void Currencies_know_their_minor_units(string code, int units) => Currencies.MinorUnits(code).ShouldBe(units);

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_upper_case_active_iso_codes_are_currencies(string? code) => Currencies.IsKnown(code).ShouldBeFalse();

    public sealed record Seen(Guid? Tenant, object ScopedService);

    public sealed class ScopedThing;

    public sealed class RecordingJob(ICurrentTenant tenant, ScopedThing scoped, List<Seen> log) : ITenantJob<string>
    {
        public Task ExecuteAsync(string args, CancellationToken cancellationToken)
        {
            log.Add(new Seen(tenant.Id, scoped));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_tenant_job_runs_in_its_own_scope_inside_its_tenant_and_leaves_the_caller_untouched()
    {
        var log = new List<Seen>();
        var services = new ServiceCollection()
            .AddSingleton<ICurrentTenant, CurrentTenant>()
            .AddSingleton(log)
            .AddScoped<ScopedThing>()
            .AddScoped<RecordingJob>()
            .AddTransient(typeof(TenantJobRunner<,>))
            .BuildServiceProvider();
        var runner = services.GetRequiredService<TenantJobRunner<RecordingJob, string>>();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        await runner.RunAsync(a, "first", CancellationToken.None);
        await runner.RunAsync(b, "second", CancellationToken.None);

        log.Select(s => s.Tenant).ShouldBe([a, b]);
        log[0].ScopedService.ShouldNotBeSameAs(log[1].ScopedService);
        services.GetRequiredService<ICurrentTenant>().Id.ShouldBeNull();
    }
}
