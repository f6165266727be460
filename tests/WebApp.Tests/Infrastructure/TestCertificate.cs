using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A self-signed certificate for 127.0.0.1 and localhost, written as PEM files: Kestrel serves TLS with it
/// (Kestrel:Certificates:Default:Path/KeyPath) and node trusts it through NODE_EXTRA_CA_CERTS.
/// </summary>
public sealed class TestCertificate
{
    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=verbatim-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // Its own issuer: node accepts a self-signed leaf in NODE_EXTRA_CA_CERTS only when it may act as a CA.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        Thumbprint = certificate.Thumbprint;
        var folder = Directory.CreateTempSubdirectory("verbatim-tls-").FullName;
        CertificatePath = Path.Combine(folder, "cert.pem");
        KeyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public string Thumbprint { get; }

    /// <summary>The settings that make Kestrel serve this certificate.</summary>
    public IDictionary<string, string> KestrelSettings() => new Dictionary<string, string>
    {
        ["Kestrel__Certificates__Default__Path"] = CertificatePath,
        ["Kestrel__Certificates__Default__KeyPath"] = KeyPath,
    };

    /// <summary>An HTTP handler that trusts this certificate (and no other self-signed one).</summary>
    public HttpClientHandler Trusting() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || certificate?.Thumbprint == Thumbprint,
    };
}
