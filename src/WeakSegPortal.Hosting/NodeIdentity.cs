using Microsoft.Extensions.Configuration;

namespace WeakSegPortal.Hosting;

/// <summary>
/// This process's name among the portal's nodes: <c>Node:Id</c>, else the machine name with a random suffix (two
/// processes on one machine, or two hosts in one test, must not share it). Every log line carries it.
/// </summary>
public sealed class NodeIdentity(string id)
{
    /// <summary>The configuration key of the node id.</summary>
    public const string Key = "Node:Id";

    public string Id { get; } = string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A node id cannot be empty.", nameof(id)) : id;

    public static NodeIdentity From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Key];
        return new NodeIdentity(string.IsNullOrWhiteSpace(configured)
            ? $"{Environment.MachineName}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}"
            : configured.Trim());
    }

    public override string ToString() => Id;
}
