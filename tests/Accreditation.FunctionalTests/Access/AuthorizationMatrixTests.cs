using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Gateway;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace Accreditation.FunctionalTests.Access;

/// <summary>Every RPC of every service × every role × own and foreign object, through the gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class AuthorizationMatrixTests(SystemFixture system, ITestOutputHelper output)
{
    /// <summary>The public surface: whatever the gateway routes.</summary>
    static IReadOnlyList<MethodDescriptor> PublicMethods()
    {
        var addresses = new ConfigurationBuilder().AddInMemoryCollection(
            new[] { "Identity", "Registration", "Objections", "Notifications" }.ToDictionary(s => $"Services:{s}", _ => (string?)"http://unused")).Build();
        return GatewayRoutes.Services(GatewayRoutes.Backends(addresses)).SelectMany(s => s.Methods).ToList();
    }

    [Fact]
    public void Every_public_rpc_has_a_row_in_the_matrix()
    {
        var missing = PublicMethods().Select(m => $"{m.Service.FullName}/{m.Name}").Where(name => !AuthorizationMatrix.Rows.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"RPCs without a row in the authorization matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_holds()
    {
        var world = await MatrixWorld.BuildAsync(system);
        var mismatches = new List<string>();
        var cells = 0;
        var refusals = 0;
        var methods = PublicMethods().Where(m => AuthorizationMatrix.Rows.ContainsKey($"{m.Service.FullName}/{m.Name}")).ToList();
        foreach (var method in methods)
        {
            var row = AuthorizationMatrix.Rows[$"{method.Service.FullName}/{method.Name}"];
            foreach (var role in Enum.GetValues<Role>())
                foreach (var side in Enum.GetValues<Side>())
                {
                    cells++;
                    var expected = row.Expect(role, side);
                    if (expected != Outcome.Allowed)
                        refusals++;
                    var status = await InvokeAsync(method, row.Request(world, side), world.Tokens[role]);
                    var actual = status switch
                    {
                        StatusCode.Unauthenticated => Outcome.Unauthenticated,
                        StatusCode.PermissionDenied => Outcome.Denied,
                        StatusCode.NotFound => Outcome.Hidden,
                        _ => Outcome.Allowed,
                    };
                    // An allowed cell must reach the rules, not trip over a malformed request.
                    if (actual != expected || (expected == Outcome.Allowed && status == StatusCode.InvalidArgument))
                        mismatches.Add($"{method.Service.Name}/{method.Name} as {role} on {side}'s object: expected {expected}, got {status}");
                }
        }
        output.WriteLine($"Authorization matrix: {methods.Count} RPCs x {Enum.GetValues<Role>().Length} roles x {Enum.GetValues<Side>().Length} objects = {cells} cells, {refusals} refusals.");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    async Task<StatusCode> InvokeAsync(MethodDescriptor descriptor, IMessage request, string? token)
    {
        var method = new Method<IMessage, IMessage>(
            descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            descriptor.Service.FullName, descriptor.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => descriptor.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => descriptor.OutputType.Parser.ParseFrom(bytes)));
        var options = token is null ? SystemFixture.Anonymous : SystemFixture.Bearer(token);
        var invoker = system.Grpc.CreateCallInvoker();
        try
        {
            if (descriptor.IsServerStreaming)
            {
                using var call = invoker.AsyncServerStreamingCall(method, null, options, request);
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            }
            else
            {
                await invoker.AsyncUnaryCall(method, null, options, request);
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
