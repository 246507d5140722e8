using Microsoft.AspNetCore.Http;

namespace Regentra.Framework.Errors;

/// <summary>
/// A rule of the domain said no. Carries a stable <see cref="Code"/> clients can branch on and the
/// HTTP status it maps to (409 by default: the request was understood but the current state forbids it).
/// </summary>
public class BusinessException(string code, string message, int statusCode = StatusCodes.Status409Conflict)
    : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    /// <summary>Optional per-field messages (e.g. a 409 "slug already taken" still says which field).</summary>
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }

    public static BusinessException ForField(string code, string field, string message, int statusCode = StatusCodes.Status409Conflict) =>
        new(code, message, statusCode) { FieldErrors = new Dictionary<string, string[]> { [field] = [message] } };
}

/// <summary>The entity does not exist, or belongs to another tenant (which we never reveal).</summary>
public sealed class EntityNotFoundException(string entityName, object? id)
    : BusinessException(FrameworkErrorCodes.NotFound, $"{entityName} '{id}' was not found.", StatusCodes.Status404NotFound)
{
    public string EntityName { get; } = entityName;
}
