using Microsoft.AspNetCore.Http;

namespace Regentra.Framework.Errors;

/// <summary>Input was invalid; errors are keyed by the JSON field path (e.g. <c>entries[3].durationMinutes</c>).</summary>
public sealed class ValidationException : BusinessException
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(FrameworkErrorCodes.Validation, "One or more fields are invalid.", StatusCodes.Status400BadRequest)
    {
        FieldErrors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors => FieldErrors!;

    public static ValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
