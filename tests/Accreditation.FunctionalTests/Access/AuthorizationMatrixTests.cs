using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;

namespace Accreditation.FunctionalTests.Access;

/// <summary>Every RPC of every service × every role × own and foreign object, through the gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class AuthorizationMatrixTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public void Every_public_rpc_has_a_row_in_the_matrix()
    {
        var missing = PublicApi.Methods().Select(m => $"{m.Service.FullName}/{m.Name}").Where(name => !AuthorizationMatrix.Rows.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"RPCs without a row in the authorization matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_holds()
    {
        var world = await MatrixWorld.BuildAsync(system);
        var mismatches = new List<string>();
        var cells = 0;
        var refusals = 0;
        var methods = PublicApi.Methods().Where(m => AuthorizationMatrix.Rows.ContainsKey($"{m.Service.FullName}/{m.Name}")).ToList();
        foreach (var method in methods)
        {
            foreach (var row in AuthorizationMatrix.RowsOf($"{method.Service.FullName}/{method.Name}"))
            foreach (var role in Enum.GetValues<Role>())
                foreach (var side in Enum.GetValues<Side>())
                {
                    cells++;
                    var expected = row.Expect(role, side);
                    if (expected != Outcome.Allowed)
                        refusals++;
                    var (status, _) = await PublicApi.InvokeAsync(system.Grpc, method, row.Request(world, side), world.Tokens[role]);
                    var actual = status switch
                    {
                        StatusCode.Unauthenticated => Outcome.Unauthenticated,
                        StatusCode.PermissionDenied => Outcome.Denied,
                        StatusCode.NotFound => Outcome.Hidden,
                        _ => Outcome.Allowed,
                    };
                    // An allowed cell must reach the rules, not trip over a malformed request.
                    if (actual != expected || (expected == Outcome.Allowed && status == StatusCode.InvalidArgument && !row.CarriesUnknownSecret))
                        mismatches.Add($"{method.Service.Name}/{method.Name} as {role} on {side}'s object: expected {expected}, got {status}");
                }
        }
        output.WriteLine($"Authorization matrix: {methods.Count} RPCs x {Enum.GetValues<Role>().Length} roles x {Enum.GetValues<Side>().Length} objects = {cells} cells, {refusals} refusals.");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }
}
