using Marten;
using Marten.Services;
using Npgsql;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// A writer transaction is one read and one write batch, its command ids one statement; a command id another writer
/// stored between the read and the write aborts the whole transaction: nothing of it is appended.
/// </summary>
public sealed class WriteBatchStatementTests(WriteBatchStatementTests.RivalPortal factory) : IClassFixture<WriteBatchStatementTests.RivalPortal>
{
    /// <summary>The box corner whose command id a rival writer stores first, after the read and before the write.</summary>
    private const double Rivalled = 9.99;

    private static AnnotationCommand Box(Guid item, double x0) => new(Guid.NewGuid(), item, "box", 1, 2, Box: new BoxShape(x0, 1, 30, 20));

    [Fact]
    public async Task A_run_costs_one_read_and_one_write_round_trip_with_one_statement_for_its_command_ids()
    {
        var world = await new QaWorld(factory, "ride").CreateAsync("Commit rides");
        // A first label fills the project cache, so the measured run reads nothing but its batch.
        await using (var warm = factory.Services.CreateAsyncScope())
        {
            await warm.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>().HandleAsync(Box(world.Item, 1), world.Annotators[0], CancellationToken.None);
        }
        var run = world.Annotators.SelectMany(a => new[] { new SubmittedAnnotation(Box(world.Item, 2), a), new SubmittedAnnotation(Box(world.Item, 3), a) }).ToArray();
        var trips = new StatementLog();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IDocumentSession>().Logger = trips;
            var acks = await scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>().HandleManyAsync(run, CancellationToken.None);
            Assert.All(acks, a => Assert.True(a.Accepted, a.Reason));
        }

        Assert.True(trips.Batches.Count == 2, string.Join(" / ", trips.Batches.Select(b => string.Join("; ", b))));
        var write = trips.Batches[1];
        // One statement for the six command ids, one append per stream (3), one record per label (6).
        Assert.Single(write, s => s.Contains("mt_doc_processedcommand", StringComparison.Ordinal));
        Assert.Equal(3, write.Count(s => s.Contains("mt_quick_append_events", StringComparison.Ordinal)));
        Assert.Equal(10, write.Count);
        // Committed: another session sees every label, and a resent run appends nothing.
        for (var a = 0; a < world.Annotators.Count; a++)
        {
            Assert.Equal(a == 0 ? 3 : 2, (await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[a])).Count);
        }
        await using (var again = factory.Services.CreateAsyncScope())
        {
            var acks = await again.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>().HandleManyAsync(run, CancellationToken.None);
            Assert.All(acks, a => Assert.True(a.Accepted, a.Reason));
        }
        Assert.Equal(3, (await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0])).Count);
    }

    [Fact]
    public async Task A_command_id_stored_by_another_writer_after_the_read_aborts_the_whole_transaction_and_its_first_answer_wins()
    {
        var world = await new QaWorld(factory, "rival").CreateAsync("Rival writer");
        var rivalled = Box(world.Item, Rivalled);
        var other = Box(world.Item, 4);
        var run = new[] { new SubmittedAnnotation(rivalled, world.Annotators[0]), new SubmittedAnnotation(other, world.Annotators[1]) };

        IReadOnlyList<AnnotationAck> acks;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            acks = await scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>().HandleManyAsync(run, CancellationToken.None);
        }

        // The rival's answer is the command's answer; this transaction appended nothing for it (the rival's
        // stand-in appends no event, so any event of the command would be this transaction's, stored twice in life).
        Assert.Equal(factory.Rival.Stored, acks[0]);
        Assert.Empty(await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]));
        // The other command of the run, retried on its own after the collision, is stored once.
        Assert.True(acks[1].Accepted, acks[1].Reason);
        var stored = await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[1]);
        Assert.Equal([other.CommandId], stored.Cast<BoxDrawn>().Select(e => e.CommandId));
    }

    /// <summary>Command texts of each round trip a session makes.</summary>
    private sealed class StatementLog : IMartenSessionLogger
    {
        public List<List<string>> Batches { get; } = [];

        public void OnBeforeExecute(NpgsqlCommand command) => Batches.Add([command.CommandText]);

        public void OnBeforeExecute(NpgsqlBatch batch) => Batches.Add(batch.BatchCommands.Select<NpgsqlBatchCommand, string>(c => c.CommandText).ToList());

        public void LogSuccess(NpgsqlCommand command)
        {
        }

        public void LogSuccess(NpgsqlBatch batch)
        {
        }

        public void LogFailure(NpgsqlCommand command, Exception ex)
        {
        }

        public void LogFailure(NpgsqlBatch batch, Exception ex)
        {
        }

        public void LogFailure(Exception ex, string message)
        {
        }

        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
        {
        }
    }

    /// <summary>A portal whose store lets a rival writer store the rivalled command's id just before it is written.</summary>
    public sealed class RivalPortal : ListeningPortal<RivalWriter>
    {
        public RivalWriter Rival => Listener;
    }

    public sealed class RivalWriter : DocumentSessionListenerBase
    {
        public AnnotationAck? Stored { get; private set; }

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            var rivalled = session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Data).OfType<BoxDrawn>().FirstOrDefault(b => b.Box.X0 == Rivalled);
            if (rivalled is null || Stored is not null)
            {
                return;
            }
            Stored = new AnnotationAck(rivalled.CommandId, true, Guid.NewGuid(), null);
            await using var rival = session.DocumentStore.LightweightSession();
            rival.Insert(new ProcessedCommand { Id = rivalled.CommandId, AnnotatorId = rivalled.AnnotatorId, Ack = Stored, At = rivalled.At });
            await rival.SaveChangesAsync(token);
        }
    }
}
