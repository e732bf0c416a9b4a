using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Gateway;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace Accreditation.FunctionalTests.Access;

/// <summary>The public surface as the gateway routes it, callable by descriptor.</summary>
public static class PublicApi
{
    public static IReadOnlyList<MethodDescriptor> Methods()
    {
        var addresses = new ConfigurationBuilder().AddInMemoryCollection(
            new[] { "Identity", "Registration", "Objections", "Notifications" }.ToDictionary(s => $"Services:{s}", _ => (string?)"http://unused")).Build();
        return GatewayRoutes.Services(GatewayRoutes.Backends(addresses)).SelectMany(s => s.Methods).ToList();
    }

    public static string Name(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    /// <summary>Calls the RPC; returns its status and, for a unary call, its response.</summary>
    public static async Task<(StatusCode Status, IMessage? Response)> InvokeAsync(GrpcChannel channel, MethodDescriptor descriptor, IMessage request, string? token)
    {
        var method = new Method<IMessage, IMessage>(
            descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            descriptor.Service.FullName, descriptor.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => descriptor.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => descriptor.OutputType.Parser.ParseFrom(bytes)));
        var options = token is null ? SystemFixture.Anonymous : SystemFixture.Bearer(token);
        var invoker = channel.CreateCallInvoker();
        try
        {
            if (!descriptor.IsServerStreaming)
                return (StatusCode.OK, await invoker.AsyncUnaryCall(method, null, options, request));
            using var call = invoker.AsyncServerStreamingCall(method, null, options, request);
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, null);
        }
    }
}
