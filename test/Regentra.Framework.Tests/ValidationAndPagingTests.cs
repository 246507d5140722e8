using Regentra.Framework.Errors;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;

namespace Regentra.Framework.Tests;

public sealed class ValidationAndPagingTests
{
    private sealed record Row(Guid Id, string Name, int Size);

    [Fact]
    public void Nested_validation_reports_the_full_json_path_of_each_field()
    {
        var errors = new ValidationErrors();

        errors.For("entries[3]").Add("durationMinutes", "Too long.");
        errors.For("entries").For("[4]").Add("description", "Required.");

        var thrown = Should.Throw<ValidationException>(errors.ThrowIfAny);
        thrown.Errors.Keys.ShouldBe(["entries[3].durationMinutes", "entries[4].description"], ignoreOrder: true);
    }

    [Fact]
    public void No_errors_means_nothing_is_thrown()
    {
        var errors = new ValidationErrors();

        errors.RequireText("name", "Acme", 10).ShouldBeTrue();
        errors.RequireEmail("email", "ops@acme.example").ShouldBeTrue();

        errors.HasErrors.ShouldBeFalse();
        errors.ThrowIfAny();
    }

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada+billing@sub.example.co.uk", true)]
    [InlineData("ada", false)]
    [InlineData("ada@localhost", false)]
    [InlineData("Ada Lovelace <ada@example.com>", false)]
    [InlineData("ada@example.", false)]
    public void Email_addresses_are_checked_as_people_type_them(string value, bool valid) =>
        ValidationErrors.IsEmail(value).ShouldBe(valid);

    [Theory]
    [InlineData(-1, 10, "skip")]
    [InlineData(0, 0, "take")]
    [InlineData(0, 1001, "take")]
    public void Paging_outside_its_bounds_is_a_field_error(int skip, int take, string field)
    {
        var errors = new ValidationErrors();

        new PageRequest { Skip = skip, Take = take }.Validate(errors);

        Should.Throw<ValidationException>(errors.ThrowIfAny).Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Sorting_follows_the_named_fields_and_ends_on_the_id_so_pages_are_stable()
    {
        var (a, b, c) = (new Guid("00000000-0000-0000-0000-000000000001"), new Guid("00000000-0000-0000-0000-000000000002"), new Guid("00000000-0000-0000-0000-000000000003"));
        var rows = new[] { new Row(c, "b", 1), new Row(a, "a", 2), new Row(b, "b", 2) }.AsQueryable();
        var sorts = new SortMap<Row>("name", r => r.Id).Add("name", r => r.Name).Add("size", r => r.Size);
        var errors = new ValidationErrors();

        sorts.Apply(rows, "size desc, name", errors).Select(r => r.Id).ShouldBe([a, b, c]);
        sorts.Apply(rows, null, errors).Select(r => r.Id).ShouldBe([a, b, c]);
        errors.HasErrors.ShouldBeFalse();
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("name sideways")]
    [InlineData("name desc extra")]
    public void Sorting_by_anything_but_a_listed_field_is_a_field_error(string sort)
    {
        var errors = new ValidationErrors();

        new SortMap<Row>("name", r => r.Id).Add("name", r => r.Name).Apply(Array.Empty<Row>().AsQueryable(), sort, errors);

        Should.Throw<ValidationException>(errors.ThrowIfAny).Errors.Keys.ShouldBe(["sort"]);
    }
}
