using System.Net;
using System.Net.Sockets;

namespace Accreditation.TestSupport;

/// <summary>
/// A loopback port bound but not listening: connections to it are refused, and the kernel cannot
/// hand it to another socket (an outgoing connection's ephemeral port, say) until it is released.
/// A port merely found free and then left unbound was taken that way under load.
/// </summary>
public sealed class ReservedPort : IDisposable
{
    readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ReservedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>Lets a server bind the port now.</summary>
    public void Release() => _socket.Dispose();

    public void Dispose() => _socket.Dispose();
}
