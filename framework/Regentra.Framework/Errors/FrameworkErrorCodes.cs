namespace Regentra.Framework.Errors;

/// <summary>Stable error codes raised by the framework itself. Modules use "{Module}:{Subject}.{Problem}".</summary>
public static class FrameworkErrorCodes
{
    public const string Validation = "Validation";
    public const string NotFound = "NotFound";
    public const string Concurrency = "Concurrency";
    public const string Unauthenticated = "Security:Unauthenticated";
    public const string PermissionDenied = "Security:PermissionDenied";
    public const string Antiforgery = "Security:Antiforgery";
    public const string RateLimited = "Security:RateLimited";
    public const string TenantNotFound = "Tenancy:TenantNotFound";
    public const string TenantSuspended = "Tenancy:TenantSuspended";
    public const string TenantChangeRefused = "Tenancy:TenantChangeRefused";
    public const string BadRequest = "BadRequest";
    public const string Unexpected = "Unexpected";
}
