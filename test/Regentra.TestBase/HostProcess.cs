using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

using Xunit;

namespace Regentra.TestBase;

/// <summary>
/// The host as an operator runs it: a separate <c>dotnet Regentra.Host.dll</c> process on a test database, with its own
/// job server, listening on a free local port. Killing it is a real crash: no shutdown, no cleanup, jobs mid-flight.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private bool _inError;

    private readonly string _mailFolder;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _killed;

    private HostProcess(Process process, Uri address, string mailFolder)
    {
        _process = process;
        Address = address;
        _mailFolder = mailFolder;
    }

    public Uri Address { get; }

    /// <summary>The operating system's id of the process (Hangfire names its job server after it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Where this host writes its mail.</summary>
    public string MailFolder => _mailFolder;

    /// <summary>Every Error or Critical entry the process logged (its "fail:"/"crit:" line and the message under it), however long it ran.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>The last lines the process wrote, to show when something goes wrong.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a host on <paramref name="database"/>, writing its mail to a folder of its own, and waits until it answers /health/ready.</summary>
    /// <param name="settings">More settings (environment variables, Section__Key) for this host.</param>
    public static async Task<HostProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var mailFolder = Path.Combine(Path.GetTempPath(), "regentra-tests", $"mail-{Guid.NewGuid():N}");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Regentra.Host.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        start.Environment["BackgroundJobs__RunServer"] = "true";
        start.Environment["BackgroundJobs__Storage"] = database.Provider == TestProvider.PostgreSql ? "PostgreSql" : "InMemory";
        start.Environment["App__PublicUrl"] = address.ToString().TrimEnd('/');
        start.Environment["Saas__AnonymousRequestsPerMinute"] = "100000";
        start.Environment["Email__PickupDirectory"] = mailFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // "Now listening on: …"
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, address, mailFolder);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();
        return host;
    }

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        return bearerToken is null ? client : client.WithBearer(bearerToken);
    }

    /// <summary>Kills the process and everything it started, at once.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited && !_killed)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"The host at {Address} exited by itself ({_process.ExitCode}):{Environment.NewLine}{Output}");
        }

        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    /// <summary>
    /// Waits until this process says it listens on its address (so a stranger that happens to hold the port is never
    /// mistaken for it) and answers /health/ready.
    /// </summary>
    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }

            if (!_listening.Task.IsCompleted)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
                continue;
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The host at {Address} was not ready after 90 s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            _errors.Enqueue(line);
            _inError = true;
        }
        else if (_inError && line.StartsWith(' '))
        {
            _errors.Enqueue(line);
        }
        else
        {
            _inError = false;
        }

        if (line.Contains($"Now listening on: {Address.ToString().TrimEnd('/')}", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }

        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
