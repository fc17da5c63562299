namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// The inputs of one fuzz run, fixed by its seed: batches holding one mutant of each seed family
/// (families share identifiers, and one mutant each keeps a batch free of duplicates), named
/// <c>NNNNN-family.ext</c> in order. Each batch is one import into a project of its own.
/// </summary>
public sealed class FuzzCorpus(IReadOnlyList<FuzzSeed> seeds, int seed)
{
    public IEnumerable<IReadOnlyList<FuzzInput>> Batches(int inputs)
    {
        var random = new Random(seed);
        var mutator = new FuzzMutator(random, seeds);
        var families = seeds.GroupBy(s => s.Family).Select(g => g.ToList()).ToList();
        var made = 0;
        while (made < inputs)
        {
            var batch = new List<FuzzInput>();
            foreach (var family in families)
            {
                if (made == inputs)
                {
                    break;
                }
                var from = family[random.Next(family.Count)];
                var (bytes, mutation) = mutator.Mutate(from);
                var name = $"{made:D5}-{from.Family}";
                batch.Add(new FuzzInput(name + from.Extension, from.Format, from.Name, mutation, bytes, [.. from.Companions.Select(c => (name + c.Suffix, c.Bytes))]));
                made++;
            }
            yield return batch;
        }
    }
}
