using System.Reflection;
using System.Xml.Linq;

namespace Regentra.ArchitectureTests;

/// <summary>Modules talk to each other only through Contracts, and hide everything but their registration entry point.</summary>
public sealed class ModuleBoundaryTests
{
    public static readonly TheoryData<string> Modules = new(["Saas", "Psa", "Billing"]);

    private static Assembly Load(string name) => Assembly.Load(name);

    private static IEnumerable<string> RegentraReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Regentra.", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_only_the_framework_and_contracts(string module)
    {
        var forbidden = RegentraReferences(Load($"Regentra.{module}"))
            .Where(n => n != "Regentra.Framework" && !n.EndsWith(".Contracts", StringComparison.Ordinal));

        forbidden.ShouldBeEmpty($"Regentra.{module} may reference only Regentra.Framework and *.Contracts assemblies.");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_project_references_only_the_framework_and_contracts_projects(string module)
    {
        var references = ProjectReferences(Path.Combine("modules", module, $"Regentra.{module}", $"Regentra.{module}.csproj"));

        references.Where(r => r != "Regentra.Framework" && !r.EndsWith(".Contracts", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_depend_on_the_framework_only(string module)
    {
        RegentraReferences(Load($"Regentra.{module}.Contracts")).ShouldAllBe(n => n == "Regentra.Framework");
        ProjectReferences(Path.Combine("modules", module, $"Regentra.{module}.Contracts", $"Regentra.{module}.Contracts.csproj"))
            .ShouldAllBe(n => n == "Regentra.Framework");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_exposes_only_its_registration_entry_point(string module)
    {
        var exported = Load($"Regentra.{module}").GetExportedTypes().Select(t => t.FullName);

        exported.ShouldBe([$"Regentra.{module}.{module}Module"]);
    }

    [Fact]
    public void The_framework_knows_no_module()
    {
        RegentraReferences(Load("Regentra.Framework")).ShouldBeEmpty();
    }

    private static List<string> ProjectReferences(string relativePath)
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), relativePath));
        return project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Regentra.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Regentra.sln not found above the test output folder.");
    }
}
