using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Rights.RightsNotProvidedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Rights;

public class PBD6001Tests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(source, test => test.TestState.AdditionalReferences.AddRange(TestReferences.Frameworks), expected);

    private const string Entities = """
        using Microsoft.EntityFrameworkCore;
        using PrivacyByDesign;
        [DataSubject(DataSubjects.Customer)]
        public class {|#0:Customer|}
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
        }
        [DataSubject(DataSubjects.Employee)]
        public class {|#1:Employee|}
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
        }
        public class Product { public int Id { get; set; } public string Title { get; set; } = ""; }
        public class ShopDb : DbContext
        {
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Employee> Staff => Set<Employee>();
            public DbSet<Product> Products => Set<Product>();
        }
        """;

    [Fact]
    public async Task Subjects_without_deletion_or_access_handlers_are_reported()
    {
        const string source = Entities + """

            public class CustomerRights
            {
                [DataSubjectRightsHandler(DataSubjectRight.Access, DataSubjects.Customer)]
                public void Export(int id) { }
            }
            """;
        await VerifyAsync(source,
            Verify.Diagnostic("PBD6001").WithLocation(0).WithArguments("customer", "Customer"),
            Verify.Diagnostic("PBD6002").WithLocation(0).WithArguments("customer", "Customer", "Portability"),
            Verify.Diagnostic("PBD6001").WithLocation(1).WithArguments("employee", "Employee"),
            Verify.Diagnostic("PBD6002").WithLocation(1).WithArguments("employee", "Employee", "Access and Portability"));
    }

    [Fact]
    public async Task Declared_handlers_on_methods_or_classes_satisfy_the_rules()
    {
        string source = Entities.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "") + """

            [DataSubjectRightsHandler(DataSubjectRight.Access | DataSubjectRight.Portability | DataSubjectRight.Erasure, DataSubjects.Employee)]
            public class HrRights { }
            public class CustomerRights
            {
                [DataSubjectRightsHandler(DataSubjectRight.Access | DataSubjectRight.Portability, DataSubjects.Customer)]
                public void Export(int id) { }
                [DataSubjectRightsHandler(DataSubjectRight.AccountDeletion, DataSubjects.Customer)]
                public void CloseAccount(int id) { }
            }
            """;
        await VerifyAsync(source);
    }
}
