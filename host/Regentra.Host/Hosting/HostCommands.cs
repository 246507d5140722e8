using Regentra.Framework.Errors;
using Regentra.Saas;

namespace Regentra.Host.Hosting;

/// <summary>
/// Maintenance commands run instead of the web server:
/// <c>dotnet run --project host/Regentra.Host -- create-host-admin --email you@example.com</c>
/// (the password is read from --password, or the REGENTRA_HOST_ADMIN_PASSWORD variable, or standard input).
/// </summary>
internal static class HostCommands
{
    public const string CreateHostAdmin = "create-host-admin";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CreateHostAdmin;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var password = Option(args, "--password") ?? Environment.GetEnvironmentVariable("REGENTRA_HOST_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-host-admin --email <email> [--password <password>]");
            return 2;
        }

        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine() ?? string.Empty;
        }

        await app.PrepareDatabaseAsync();
        try
        {
            await app.Services.CreateHostAdminAsync(email, password);
            Console.WriteLine($"Host administrator {email} created. Sign in with an empty organisation.");
            return 0;
        }
        catch (BusinessException e)
        {
            var details = e.FieldErrors is null ? string.Empty : " " + string.Join(" ", e.FieldErrors.SelectMany(f => f.Value));
            await Console.Error.WriteLineAsync($"{e.Message}{details}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
