using System.Net;
using System.Net.Sockets;

namespace WebApp.Tests.Infrastructure;

public static class TcpPorts
{
    /// <summary>A loopback port nothing listens on now, for a test server to take.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
