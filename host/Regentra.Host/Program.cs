using Regentra.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRegentraHost();
var app = builder.Build();

if (HostCommands.IsCommand(args))
{
    return await HostCommands.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
app.UseRegentraPipeline();
app.Lifetime.ApplicationStarted.Register(() => StartupLog.Announce(app));

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
