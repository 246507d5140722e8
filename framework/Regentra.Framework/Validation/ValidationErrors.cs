using System.Net.Mail;
using Regentra.Framework.Errors;

namespace Regentra.Framework.Validation;

/// <summary>
/// Collects field errors keyed by JSON path. <see cref="For"/> gives a view that prefixes keys, so a bulk
/// request reports <c>entries[3].durationMinutes</c> while the row validator only knows "durationMinutes".
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors;
    private readonly string _prefix;

    public ValidationErrors()
        : this([], string.Empty)
    {
    }

    private ValidationErrors(Dictionary<string, List<string>> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    public bool HasErrors => _errors.Count > 0;

    public ValidationErrors For(string prefix) => new(_errors, Join(prefix));

    public ValidationErrors Add(string field, string message)
    {
        var key = Join(field);
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Required text no longer than <paramref name="maxLength"/> once trimmed.</summary>
    public bool RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "This field is required.");
            return false;
        }

        return MaxLength(field, value, maxLength);
    }

    public bool MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
            return false;
        }

        return true;
    }

    public bool RequireEmail(string field, string? value)
    {
        if (!RequireText(field, value, 256))
        {
            return false;
        }

        if (!IsEmail(value!))
        {
            Add(field, "Must be a valid email address, like name@example.com.");
            return false;
        }

        return true;
    }

    public bool Range(string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max}.");
            return false;
        }

        return true;
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    public static bool IsEmail(string value)
    {
        var trimmed = value.Trim();
        return MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    private string Join(string field) =>
        _prefix.Length == 0 ? field
        : field.StartsWith('[') ? _prefix + field
        : $"{_prefix}.{field}";
}

public static class EnumFilters
{
    /// <summary>
    /// Parses a comma-separated filter such as <c>status=Open,InProgress</c> (names, any case). Each unknown name is a
    /// field error listing the valid ones. Empty means "no filter".
    /// </summary>
    public static List<TEnum> Parse<TEnum>(string? value, ValidationErrors errors, string field)
        where TEnum : struct, Enum
    {
        var parsed = new List<TEnum>();
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out _) && Enum.TryParse<TEnum>(part, ignoreCase: true, out var item))
            {
                parsed.Add(item);
            }
            else
            {
                errors.Add(field, $"'{part}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            }
        }

        return parsed;
    }
}
