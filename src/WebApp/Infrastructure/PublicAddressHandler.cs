using System.Net;
using System.Net.Sockets;

namespace WebApp.Infrastructure;

/// <summary>
/// Which addresses the server may reach for a URL a user gave (audio_url downloads, webhooks): public ones, plus
/// private ones only where the operator allows them. The same words whether a name does not resolve or resolves
/// to a private address, so the answer cannot be used to map the server's network.
/// </summary>
/// <param name="AllowPrivateAddresses">True only where the operator trusts every URL users can give.</param>
/// <param name="AllowedNetworks">Private networks allowed all the same (e.g. an internal file server).</param>
public sealed record AddressPolicy(bool AllowPrivateAddresses, IReadOnlyList<IPNetwork> AllowedNetworks)
{
    public static readonly AddressPolicy PublicOnly = new(false, []);

    public static string UnreachableMessage(string host) => $"{host} does not resolve to a public internet address.";

    public bool IsAllowed(IPAddress address) =>
        AllowPrivateAddresses || PublicAddressHandler.IsPublic(address) || AllowedNetworks.Any(network => network.Contains(Normalise(address)));

    /// <summary>The allowed addresses <paramref name="host"/> resolves to (an IP literal resolves to itself).</summary>
    /// <exception cref="HttpRequestException">None: it does not resolve, or only to addresses not allowed.</exception>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host.Trim('[', ']'), cancellationToken);
        }
        catch (SocketException)
        {
            addresses = [];
        }

        var allowed = addresses.Where(IsAllowed).ToArray();
        return allowed.Length > 0 ? allowed : throw new HttpRequestException(UnreachableMessage(host));
    }

    internal static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>
/// The HTTP handler for every request the server makes to a URL a user gave. The check runs on the addresses the
/// connection is then made to (never a second lookup), so neither DNS rebinding nor a redirect to an internal
/// address gets round it; no proxy from the environment is used, since a proxy would connect wherever it is asked.
/// </summary>
public static class PublicAddressHandler
{
    public static SocketsHttpHandler Create(AddressPolicy policy, TimeSpan connectTimeout) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        UseProxy = false,
        ConnectTimeout = connectTimeout,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var allowed = await policy.ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    // Special-purpose ranges (IANA's registries): none is a public host. IPv6 forms that embed an IPv4 address
    // (NAT64, 6to4, Teredo, IPv4-compatible) are refused whole, since the gateway they reach may be internal.
    private static readonly IPNetwork[] NotPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
            "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "2002::/16", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    public static bool IsPublic(IPAddress address)
    {
        address = AddressPolicy.Normalise(address);
        return !NotPublic.Any(network => network.Contains(address));
    }
}
