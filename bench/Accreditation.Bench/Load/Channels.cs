using System.Net;
using Grpc.Net.Client;

namespace Accreditation.Bench.Load;

/// <summary>gRPC channels of the load generator: one HTTP/2 connection each, calls spread over them as h2load spreads streams.</summary>
public sealed class Channels : IDisposable
{
    readonly GrpcChannel[] _channels;

    public Channels(Uri address, int connections)
    {
        _channels = Enumerable.Range(0, Math.Max(1, connections))
            .Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                    AutomaticDecompression = DecompressionMethods.None,
                    UseProxy = false,
                },
                MaxReceiveMessageSize = 64 * 1024 * 1024,
            }))
            .ToArray();
    }

    public GrpcChannel For(int worker) => _channels[worker % _channels.Length];

    public void Dispose()
    {
        foreach (var channel in _channels)
            channel.Dispose();
    }
}
