using Accreditation.Registration.Data;
using Accreditation.Tests.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Databases;

/// <summary>Contexts are pooled (AddServiceDbContext): one unit of work leaves nothing of itself to the next.</summary>
public sealed class PooledContextTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    [Fact]
    public async Task A_registration_context_back_from_the_pool_carries_no_ledger_correlation_of_the_last_unit_of_work()
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        RegistrationDb first;
        await using (var scope = replica.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            first.LedgerCorrelation = "message:an-earlier-event";
        }

        await using var next = replica.CreateAsyncScope();
        var second = next.ServiceProvider.GetRequiredService<RegistrationDb>();

        Assert.Same(first, second);
        Assert.Null(second.LedgerCorrelation);
    }

    [Fact]
    public async Task Two_units_of_work_at_once_get_two_contexts()
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        await using var one = replica.CreateAsyncScope();
        await using var other = replica.CreateAsyncScope();

        Assert.NotSame(one.ServiceProvider.GetRequiredService<RegistrationDb>(), other.ServiceProvider.GetRequiredService<RegistrationDb>());
    }
}
