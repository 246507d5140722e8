namespace Regentra.Framework.Validation;

/// <summary>Synchronous, side-effect free input rules for a request. Rules that need the database live in handlers.</summary>
public interface IValidator<in T>
{
    void Validate(T request, ValidationErrors errors);
}
