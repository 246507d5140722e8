using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;

namespace Regentra.Framework.Tests;

public sealed class ErrorContractTests
{
    [Fact]
    public void A_business_rule_keeps_its_status_and_stable_code()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new BusinessException("Psa:TimeEntry.NotEditable", "Approved entries are read-only."));

        problem.Status.ShouldBe(409);
        problem.Extensions["code"].ShouldBe("Psa:TimeEntry.NotEditable");
        problem.Detail.ShouldBe("Approved entries are read-only.");
    }

    [Fact]
    public void A_conflict_on_a_field_still_names_the_field()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(BusinessException.ForField("Saas:Tenant.SlugTaken", "slug", "Taken."));

        problem.ShouldBeOfType<HttpValidationProblemDetails>().Errors["slug"].ShouldBe(["Taken."]);
        problem.Status.ShouldBe(409);
    }

    [Fact]
    public void Other_tenants_ids_and_missing_ids_are_both_plain_404s()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new EntityNotFoundException("Client", Guid.Empty));

        problem.Status.ShouldBe(404);
        problem.Extensions["code"].ShouldBe(FrameworkErrorCodes.NotFound);
    }

    [Fact]
    public void A_lost_update_race_is_a_409_not_a_500()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new DbUpdateConcurrencyException("race"));

        problem.Status.ShouldBe(409);
        problem.Extensions["code"].ShouldBe(FrameworkErrorCodes.Concurrency);
    }

    [Fact]
    public void A_malformed_request_is_a_400()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new BadHttpRequestException("Failed to read parameter", 400));

        problem.Status.ShouldBe(400);
    }

    [Fact]
    public void An_unexpected_exception_is_a_500_that_reveals_nothing_internal()
    {
        ProblemDetails problem = ProblemDetailsExceptionHandler.ToProblem(new InvalidOperationException("connection string Password=hunter2"));

        problem.Status.ShouldBe(500);
        problem.Detail!.ShouldNotContain("hunter2");
    }
}
