using System.Collections.Concurrent;
using System.Text;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Regentra.Framework.Emailing;
using Regentra.Psa.Contracts.Billing;

namespace Regentra.Billing.Tests;

/// <summary>
/// The application with its Hangfire server running (in memory next to SQLite, Hangfire.PostgreSql next to PostgreSQL),
/// so a month-end run started by hand or by the scheduler really runs. Its mail can be told to stop in the middle of
/// one email, the way a host that shuts down stops. When a run does not end in time it tells what its jobs are doing.
/// </summary>
public class MonthEndApp : RegentraApp, IJobDiagnostics
{
    /// <summary>Billing:StaleRunMinutes as configured here: how long a run may be silent before it counts as stopped.</summary>
    public const int StaleRunMinutes = 15;

    private readonly ConcurrentQueue<string> _warnings = new();

    private readonly ConcurrentQueue<LoggedLine> _lines = new();

    private RunPause? _pauseAfterRead;

    /// <summary>What was logged since the fixture started (see <see cref="LoggedLine"/>).</summary>
    public IReadOnlyList<LoggedLine> Logged => _lines.ToArray();

    public InterruptibleEmailSender Email => Services.GetRequiredService<InterruptibleEmailSender>();

    /// <summary>
    /// Holds the next run right after it has read its clients' time, before it writes any invoice (the moment a plan can
    /// go stale), until the test has changed what it wants and resumes it. The test makes its changes on its own thread.
    /// </summary>
    public RunPause PauseTheNextRunAfterItReadsTime() => _pauseAfterRead = new RunPause();

    public string DescribeJobs()
    {
        var api = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var stats = api.GetStatistics();
        var text = new StringBuilder($"Jobs: {stats.Enqueued} enqueued, {stats.Scheduled} scheduled (retries), {stats.Processing} processing, " +
            $"{stats.Succeeded} succeeded, {stats.Failed} failed; {stats.Servers} servers.");
        foreach (var id in api.ScheduledJobs(0, 20).Select(j => j.Key).Concat(api.FailedJobs(0, 20).Select(j => j.Key)))
        {
            foreach (var state in api.JobDetails(id)?.History ?? [])
            {
                text.Append($"{Environment.NewLine}job {id}: {state.StateName} {state.Reason} {(state.Data is { } data && data.TryGetValue("ExceptionMessage", out var message) ? message : null)}");
            }
        }

        foreach (var warning in _warnings)
        {
            text.Append(Environment.NewLine).Append(warning);
        }

        return text.ToString();
    }

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
        services.AddSingleton<ILoggerProvider>(new WarningRecorder(_warnings, _lines));
        var time = services.Last(d => d.ServiceType == typeof(IBillableTimeSource));
        services.AddScoped<IBillableTimeSource>(sp =>
            new TimeReadHook((IBillableTimeSource)ActivatorUtilities.CreateInstance(sp, time.ImplementationType!), this));
    }

    /// <summary>PSA's time source, calling the armed change after a read of many clients' time (only the run reads that way).</summary>
    private sealed class TimeReadHook(IBillableTimeSource inner, MonthEndApp app) : IBillableTimeSource
    {
        public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<BillableTimeEntry>>> GetBillableEntriesAsync(
            IReadOnlyCollection<Guid> clientIds, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default)
        {
            var read = await inner.GetBillableEntriesAsync(clientIds, periodStart, periodEnd, cancellationToken);
            if (clientIds.Count > 1 && Interlocked.Exchange(ref app._pauseAfterRead, null) is { } pause)
            {
                await pause.HoldAsync(cancellationToken);
            }

            return read;
        }

        public Task<IReadOnlyList<BillableTimeEntry>> GetBillableEntriesAsync(Guid clientId, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
            inner.GetBillableEntriesAsync(clientId, periodStart, periodEnd, cancellationToken);

        public Task<IReadOnlyList<Guid>> GetClientsWithBillableTimeAsync(DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
            inner.GetClientsWithBillableTimeAsync(periodStart, periodEnd, cancellationToken);

        public Task<UnbillableTimeSummary> SummarizeUnbillableAsync(Guid clientId, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
            inner.SummarizeUnbillableAsync(clientId, periodStart, periodEnd, cancellationToken);

        public Task<IReadOnlyDictionary<Guid, UnbillableTimeSummary>> SummarizeUnbillableAsync(
            IReadOnlyCollection<Guid> clientIds, DateOnly periodStart, DateOnly periodEnd, CancellationToken cancellationToken = default) =>
            inner.SummarizeUnbillableAsync(clientIds, periodStart, periodEnd, cancellationToken);

        public Task MarkInvoicedAsync(IReadOnlyCollection<TimeToInvoice> invoices, CancellationToken cancellationToken = default) =>
            inner.MarkInvoicedAsync(invoices, cancellationToken);

        public Task<int> ReleaseAsync(InvoicedTime invoice, CancellationToken cancellationToken = default) => inner.ReleaseAsync(invoice, cancellationToken);
    }

    /// <summary>Keeps the last warnings and errors the application logged, and what Regentra's own code logged.</summary>
    private sealed class WarningRecorder(ConcurrentQueue<string> warnings, ConcurrentQueue<LoggedLine> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, warnings, lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<string> warnings, ConcurrentQueue<LoggedLine> lines) : ILogger
        {
            private readonly bool _ours = category.StartsWith("Regentra.", StringComparison.Ordinal);

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning || (_ours && logLevel >= LogLevel.Information);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var message = formatter(state, exception);
                lines.Enqueue(new LoggedLine(logLevel, category, message));
                if (logLevel < LogLevel.Warning)
                {
                    return;
                }

                warnings.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {message} {exception?.GetType().Name} {exception?.Message}");
                while (warnings.Count > 50)
                {
                    warnings.TryDequeue(out _);
                }
            }
        }
    }
}

/// <summary>One line the application logged: Regentra's own from Information up, anyone's from Warning up.</summary>
public sealed record LoggedLine(LogLevel Level, string Category, string Message);

/// <summary>A run held at one point: <see cref="Reached"/> completes when it gets there; <see cref="Resume"/> lets it go on.</summary>
public sealed class RunPause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Resume() => _resumed.TrySetResult();

    internal async Task HoldAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _resumed.Task.WaitAsync(RunArrange.RunTimeout, cancellationToken);
    }
}

/// <summary>
/// The application's mail, with what can go wrong on the way to a mail server, each armed for one address: the host
/// stopping mid-email (<see cref="StopWhenEmailing"/>), the server failing or refusing (<see cref="FailWhenEmailing"/>),
/// and a host that hangs right after the server took the message, before it can record that (<see cref="StallAfterDelivering"/>).
/// </summary>
public sealed class InterruptibleEmailSender(IEmailSender inner) : IEmailSender
{
    private readonly ConcurrentDictionary<string, bool> _stops = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (Exception Error, int Times)> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, EmailStall> _stalls = new(StringComparer.OrdinalIgnoreCase);

    public void StopWhenEmailing(string address) => _stops[address] = true;

    /// <summary>The next <paramref name="times"/> emails to <paramref name="address"/> fail with <paramref name="error"/> and are not sent.</summary>
    public void FailWhenEmailing(string address, Exception error, int times = 1) => _failures[address] = (error, times);

    /// <summary>The next email to <paramref name="address"/> is sent, then its sender hangs until the stall is released, and stops as a host does.</summary>
    public EmailStall StallAfterDelivering(string address) => _stalls[address] = new EmailStall();

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (_stops.TryRemove(message.To, out _))
        {
            throw new OperationCanceledException("The host is shutting down.");
        }

        if (_failures.TryGetValue(message.To, out var failure))
        {
            _failures.TryUpdate(message.To, (failure.Error, failure.Times - 1), failure);
            if (failure.Times > 0)
            {
                throw failure.Error;
            }
        }

        await inner.SendAsync(message, cancellationToken);
        if (_stalls.TryRemove(message.To, out var stall))
        {
            await stall.HoldAsync();
        }
    }
}

/// <summary>A sender hanging after it handed its message over: <see cref="Reached"/> once it hangs; <see cref="Release"/> lets it stop.</summary>
public sealed class EmailStall
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal async Task HoldAsync()
    {
        _reached.TrySetResult();
        await _released.Task.WaitAsync(RunArrange.RunTimeout);
        throw new OperationCanceledException("The host stopped after the mail server took the message.");
    }
}
