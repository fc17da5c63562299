namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>One mutated file as uploaded (<see cref="Name"/>), what it was made from and how, plus the unchanged companions sent with it.</summary>
public sealed record FuzzInput(string Name, FuzzFormat Format, string Seed, string Mutation, byte[] Bytes, IReadOnlyList<(string Name, byte[] Bytes)> Companions);
