namespace Regentra.Saas.Identity;

/// <summary>
/// A signed-in browser session. The auth cookie carries only this row's random id; the ticket itself is
/// kept here (data-protected), so signing out deletes the session for real and a copied cookie dies with it.
/// Host-owned: the cookie is read before any tenant is known.
/// </summary>
internal sealed class UserSession
{
    private UserSession()
    {
    }

    public UserSession(string id, Guid userId, byte[] ticket, DateTime? expiresAt)
    {
        Id = id;
        UserId = userId;
        Ticket = ticket;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; } = string.Empty;

    public Guid UserId { get; private set; }

    public byte[] Ticket { get; private set; } = [];

    public DateTime? ExpiresAt { get; private set; }

    public void Renew(byte[] ticket, DateTime? expiresAt)
    {
        Ticket = ticket;
        ExpiresAt = expiresAt;
    }
}
