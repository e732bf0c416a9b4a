using System.Net;
using System.Net.Sockets;

namespace Accreditation.TestSupport;

/// <summary>Loopback ports for servers the tests start.</summary>
public static class LoopbackPorts
{
    /// <summary>A port the kernel hands out as free now (another socket may take it before a server binds it: see <see cref="ReservedPort"/>).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A base port whose <paramref name="offsets"/> are all free, below the kernel's ephemeral
    /// range, so no outgoing connection takes one before its server binds it.
    /// </summary>
    public static int FreeBlock(IEnumerable<int> offsets)
    {
        var ephemeral = File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
            ? int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0])
            : 32_768;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, Math.Max(20_001, ephemeral - 30));
            if (offsets.All(offset => IsFree(first + offset)))
                return first;
        }
        throw new InvalidOperationException("No free block of loopback ports.");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
