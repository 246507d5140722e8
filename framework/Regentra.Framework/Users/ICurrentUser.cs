namespace Regentra.Framework.Users;

/// <summary>The person behind the current request (nobody inside a background job).</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? Id { get; }

    Guid? TenantId { get; }

    string? Email { get; }

    string? Name { get; }

    /// <summary>The user's id, or a clear 401 when the call is anonymous.</summary>
    Guid GetRequiredId();
}
