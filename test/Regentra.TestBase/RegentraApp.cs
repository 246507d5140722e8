using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Regentra.Host.Data;
using Xunit;

namespace Regentra.TestBase;

/// <summary>
/// The whole application, hosted in memory on its own fresh database, with a controllable clock and a
/// private mail folder. Use as a class fixture; every test signs up its own tenants, which is exactly
/// how tenants stay apart in production too.
/// </summary>
public class RegentraApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase? _sharedDatabase;

    public RegentraApp()
    {
    }

    /// <summary>A second host on the database of another: how a scaled-out deployment runs.</summary>
    protected RegentraApp(TestDatabase sharedDatabase)
    {
        _sharedDatabase = sharedDatabase;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "regentra-tests", $"mail-{Guid.NewGuid():N}");

    public TestDatabase Database { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Database = _sharedDatabase ?? await TestDatabase.CreateAsync();
        StartHost();
    }

    /// <summary>Starts the host in memory: migrations and seeding run here, as on a real start. A fixture on real sockets overrides it.</summary>
    protected virtual void StartHost() => _ = Server;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database is not null && _sharedDatabase is null)
        {
            await Database.DisposeAsync();
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Settings a fixture may change (e.g. a low rate limit). Applied before the host starts.</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Extra services a fixture needs (test jobs, fakes). Applied after the application's own.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["BackgroundJobs:RunServer"] = "false",
            ["BackgroundJobs:Storage"] = "InMemory",
            ["Saas:AnonymousRequestsPerMinute"] = "100000",
            ["App:PublicUrl"] = "https://app.regentra.test",
            ["Email:PickupDirectory"] = MailFolder,
            // No web app, whether or not the repository's is built: tests see the same host either way (SpaBuildApp adds one).
            ["Spa:RootPath"] = Path.Combine(Path.GetTempPath(), "regentra-tests", "no-web-app"),
        };
        AddSettings(settings);

        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            AddServices(services);
        });
    }

    /// <summary>Runs <paramref name="action"/> against the database directly, with every tenant filter off.</summary>
    internal async Task<T> QueryAsync<T>(Func<RegentraDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RegentraDbContext>());
    }

    /// <summary>Rows of <typeparamref name="TEntity"/> across all tenants: for "nothing was written" assertions.</summary>
    public Task<int> CountAsync<TEntity>()
        where TEntity : class =>
        QueryAsync(db => db.Set<TEntity>().IgnoreQueryFilters().CountAsync());

    /// <summary>The .eml files written so far, oldest first (file names only carry the second, so order by write time).</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
}
