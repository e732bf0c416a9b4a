using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Accreditation.UnitTests.Dapr;

/// <summary>
/// An in-process stand-in for the Dapr sidecar's gRPC API (daprd is not installable here): an h2c
/// listener on a free port answering the dapr.proto.runtime.v1.Dapr methods a test maps.
/// </summary>
sealed class SidecarStandIn(WebApplication app, string endpoint) : IAsyncDisposable
{
    public string Endpoint { get; } = endpoint;

    public static async Task<SidecarStandIn> StartAsync(Action<WebApplication> map)
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new SidecarStandIn(app, $"http://127.0.0.1:{port}");
    }

    /// <summary>Reads the one length-prefixed gRPC message of a unary call.</summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, MessageParser<T> parser) where T : IMessage<T>
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return parser.ParseFrom(buffer.ToArray().AsSpan(5));
    }

    /// <summary>Answers with a response message (none for an error status) and the status trailer.</summary>
    public static async Task ReplyAsync(HttpContext context, IMessage? response, string status = "0")
    {
        context.Response.ContentType = "application/grpc";
        if (response is not null)
        {
            var payload = response.ToByteArray();
            var frame = new byte[5 + payload.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
            payload.CopyTo(frame, 5);
            await context.Response.Body.WriteAsync(frame);
        }
        context.Response.AppendTrailer("grpc-status", status);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
