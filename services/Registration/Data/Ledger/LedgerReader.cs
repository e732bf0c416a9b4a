using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Accreditation.Registration.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>
/// Every entry in sequence order with its hashes computed, for verification at a million entries:
/// rows are read straight from SQLite (as EF Core stores them: GUIDs and UTC times as text) on one
/// thread while the previous batch is hashed on all cores; memory holds a few batches, not the ledger.
/// </summary>
public static class LedgerReader
{
    const int BatchSize = 8192;

    public static async IAsyncEnumerable<LedgerLogVerifier.Hashed[]> HashedBatchesAsync(RegistrationDb db, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        var batches = Channel.CreateBounded<(LedgerContent Content, string Hash)[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAsync(connection, batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var hashed = new LedgerLogVerifier.Hashed[batch.Length];
                Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = ct }, i => hashed[i] = LedgerLogVerifier.Hashed.Of(batch[i].Content, batch[i].Hash));
                yield return hashed;
            }
            await reading;
        }
        finally
        {
            // A caller that stops early (a failure found) stops the reader too.
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
            }
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    static async Task ReadAsync(DbConnection connection, ChannelWriter<(LedgerContent, string)[]> batches, CancellationToken ct)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Sequence, PreviousHash, Hash, Kind, ApplicationId, OrganizationId, DialogueId, ActorSubject, ActorRole, At, " +
                "Reason, StateBefore, StateAfter, Details, CorrelationId FROM LedgerEntries ORDER BY Sequence";
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var batch = new List<(LedgerContent, string)>(BatchSize);
            while (await reader.ReadAsync(ct))
            {
                // Sequential access: columns in order.
                var (sequence, previous, hash, kind) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                var (application, organization, dialogue) = (Id(reader, 4), Id(reader, 5), Id(reader, 6));
                var (subject, role) = (reader.GetString(7), reader.GetString(8));
                var at = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc));
                batch.Add((new LedgerContent(sequence, previous, kind, application, organization, dialogue, subject, role, at,
                    reader.GetString(10), Text(reader, 11), Text(reader, 12), reader.GetString(13), Text(reader, 14)), hash));
                if (batch.Count == BatchSize)
                {
                    await batches.WriteAsync([.. batch], ct);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                await batches.WriteAsync([.. batch], ct);
            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
        }
    }

    static Guid? Id(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetGuid(column);

    static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
