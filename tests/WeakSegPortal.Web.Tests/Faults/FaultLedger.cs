using System.Diagnostics;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// Holds every command a client made against the events the store holds. Per command: stored once
/// (and acked with that annotation id), refused finally with a reason and not stored, or a defect:
/// lost (acked accepted, or never finally acked, and not stored), duplicated (its command id stored
/// twice, or the same label, by its sequence number, stored under two ids), refused yet stored.
/// </summary>
public static class FaultLedger
{
    public static FaultReport Classify(
        IReadOnlyList<FaultAnnotator> annotators, IReadOnlyList<OutboxClient> clients, IReadOnlyList<StoredCommand> stored,
        IReadOnlyList<(string Kind, long At, TimeSpan Injected)> faults, TimeSpan duration, int cuts, int deaths, IReadOnlyDictionary<string, int> logErrors)
    {
        var byCommand = stored.GroupBy(s => s.CommandId).ToDictionary(g => g.Key, g => g.ToList());
        var examples = new List<string>();
        void Example(string text)
        {
            if (examples.Count < 10)
            {
                examples.Add(text);
            }
        }
        int sent = 0, ok = 0, refused = 0, lost = 0, duplicated = 0, unacked = 0, refusedStored = 0, unexpected = 0, wrongId = 0, pending = 0, resent = 0, outOfOrder = 0;
        var made = new HashSet<Guid>();
        for (var c = 0; c < clients.Count; c++)
        {
            var stream = AnnotationStreams.For(annotators[c].ItemId, annotators[c].UserId);
            var sequence = new Dictionary<Guid, int>();
            foreach (var entry in clients[c].Commands)
            {
                sent++;
                var id = entry.Command.CommandId;
                made.Add(id);
                sequence[id] = entry.Sequence;
                resent += entry.Attempts > 1 ? 1 : 0;
                var copies = byCommand.GetValueOrDefault(id) ?? [];
                if (copies.Count > 1)
                {
                    duplicated++;
                    Example($"{annotators[c].UserName} #{entry.Sequence} ({entry.Command.Kind}) stored {copies.Count} times");
                }
                switch (entry.Final)
                {
                    case { Accepted: true } ack when copies.Count == 0:
                        lost++;
                        Example($"{annotators[c].UserName} #{entry.Sequence} ({entry.Command.Kind}) acked accepted but not stored");
                        break;
                    case { Accepted: true } ack:
                        ok++;
                        if (copies[0].AnnotationId != ack.AnnotationId || copies[0].StreamId != stream)
                        {
                            wrongId++;
                            Example($"{annotators[c].UserName} #{entry.Sequence} acked as {ack.AnnotationId}, stored as {copies[0].AnnotationId}");
                        }
                        if (entry.RefusalExpected)
                        {
                            unexpected++;
                            Example($"{annotators[c].UserName} #{entry.Sequence} was to be refused and was stored");
                        }
                        break;
                    case { } ack:
                        if (copies.Count > 0)
                        {
                            refusedStored++;
                            Example($"{annotators[c].UserName} #{entry.Sequence} refused ({ack.Reason}) yet stored");
                        }
                        else
                        {
                            refused++;
                        }
                        if (!entry.RefusalExpected || string.IsNullOrWhiteSpace(ack.Reason))
                        {
                            unexpected++;
                            Example($"{annotators[c].UserName} #{entry.Sequence} ({entry.Command.Kind}) refused: {ack.Reason ?? "(no reason)"}");
                        }
                        break;
                    default:
                        pending++;
                        if (copies.Count == 0)
                        {
                            lost++;
                            Example($"{annotators[c].UserName} #{entry.Sequence} ({entry.Command.Kind}) never acked and not stored");
                        }
                        else
                        {
                            unacked++;
                            ok++;
                        }
                        break;
                }
            }
            var events = stored.Where(s => s.StreamId == stream).OrderBy(s => s.Version).ToList();
            // The same label (its sequence number travels as ActiveMs) under two command ids.
            duplicated += events.Where(e => e.ActiveMs is not null && e.Type != "annotation_deleted")
                .GroupBy(e => e.ActiveMs).Sum(g => g.Select(e => e.CommandId).Distinct().Count() - 1);
            var highest = 0;
            foreach (var e in events)
            {
                if (!sequence.TryGetValue(e.CommandId, out var n))
                {
                    continue;
                }
                if (n < highest)
                {
                    outOfOrder++;
                    Example($"{annotators[c].UserName} #{n} stored after #{highest}");
                }
                highest = Math.Max(highest, n);
            }
        }
        foreach (var foreign in stored.Where(s => !made.Contains(s.CommandId)).Take(3))
        {
            Example($"stored event {foreign.Type} with a command id no client made: {foreign.CommandId}");
        }
        var recoveries = faults.Select(f =>
        {
            var firsts = clients.Select(c => c.Accepted.Where(a => a.CallStarted >= f.At).Select(a => (long?)a.Acked).FirstOrDefault()).ToList();
            TimeSpan Since(long? t) => t is { } x ? Stopwatch.GetElapsedTime(f.At, x) : TimeSpan.MaxValue;
            return new FaultRecovery(f.Kind, f.Injected, Since(firsts.Min()), firsts.Any(t => t is null) ? TimeSpan.MaxValue : Since(firsts.Max()));
        }).ToList();
        return new FaultReport(
            annotators.Count, duration, sent, ok, refused, lost, duplicated, unacked, refusedStored, unexpected, wrongId, outOfOrder, pending, resent,
            clients.Sum(c => c.Calls), clients.Sum(c => c.FailedCalls), clients.Sum(c => c.RetryAcks), clients.Sum(c => c.Connects), cuts, deaths, logErrors,
            recoveries, examples);
    }
}
