using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.Emailing;

namespace Regentra.Billing.Tests;

/// <summary>
/// The application with its Hangfire server running (in memory next to SQLite, Hangfire.PostgreSql next to PostgreSQL),
/// so a month-end run started by hand or by the scheduler really runs. Its mail can be told to stop in the middle of
/// one email, the way a host that shuts down stops.
/// </summary>
public class MonthEndApp : RegentraApp
{
    /// <summary>Billing:StaleRunMinutes as configured here: how long a run may be silent before it counts as stopped.</summary>
    public const int StaleRunMinutes = 15;

    public InterruptibleEmailSender Email => Services.GetRequiredService<InterruptibleEmailSender>();

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["BackgroundJobs:RunServer"] = "true";
        settings["BackgroundJobs:Storage"] = Database.Provider == TestProvider.PostgreSql ? "PostgreSql" : "InMemory";
        settings["Billing:StaleRunMinutes"] = StaleRunMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void AddServices(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IEmailSender));
        services.AddSingleton(sp => new InterruptibleEmailSender((IEmailSender)original.ImplementationFactory!(sp)));
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<InterruptibleEmailSender>());
    }
}

/// <summary>The application's mail, except that an email to an address marked with <see cref="StopWhenEmailing"/> is cancelled once.</summary>
public sealed class InterruptibleEmailSender(IEmailSender inner) : IEmailSender
{
    private readonly ConcurrentDictionary<string, bool> _stops = new(StringComparer.OrdinalIgnoreCase);

    public void StopWhenEmailing(string address) => _stops[address] = true;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        _stops.TryRemove(message.To, out _)
            ? throw new OperationCanceledException("The host is shutting down.")
            : inner.SendAsync(message, cancellationToken);
}
