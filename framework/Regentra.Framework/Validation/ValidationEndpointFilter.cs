using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.Errors;

namespace Regentra.Framework.Validation;

/// <summary>Runs the registered <see cref="IValidator{T}"/> on the endpoint's <typeparamref name="T"/> argument before the handler.</summary>
public sealed class ValidationEndpointFilter<T> : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().FirstOrDefault()
            ?? throw new ValidationException(new Dictionary<string, string[]> { [""] = ["A request body is required."] });

        var errors = new ValidationErrors();
        context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>().Validate(request, errors);
        errors.ThrowIfAny();
        return await next(context);
    }
}

public static class ValidationEndpointExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body with its registered validator; 400 with field errors on failure.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
        where T : class =>
        builder.AddEndpointFilter<ValidationEndpointFilter<T>>().ProducesValidationProblem();
}
