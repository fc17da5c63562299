namespace WeakSegPortal.Web.Cluster;

/// <summary>One entry another node shares: the node, the entry's key and its JSON.</summary>
public sealed record NodeEntry(string Node, string Key, string Json);
