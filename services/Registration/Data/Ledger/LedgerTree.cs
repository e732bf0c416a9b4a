using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>An inclusion proof: the entry's leaf index, the tree size it is proven in, and its audit path.</summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<byte[]> AuditPath);

/// <summary>
/// The ledger's Merkle tree as stored: the perfect subtrees' hashes (<see cref="LedgerTreeNode"/>),
/// grown with each append, from which roots and proofs are read in O(log n) rows.
/// </summary>
public static class LedgerTree
{
    // The right edge after the last entry this process appended, per database, keyed by that entry's
    // sequence and hash: a later unit of work whose head is that very entry starts from it instead of
    // reading the nodes (appends stay as fast as before the tree). A rolled-back append, or another
    // writer, leaves a head that does not match, and the nodes are read.
    static readonly ConcurrentDictionary<string, (long Sequence, string Hash, MerkleFrontier Frontier)> LastFrontiers = new();

    /// <summary>The tree's right edge at <paramref name="size"/> leaves: the one built in this unit of work, else read from the nodes.</summary>
    internal static async Task<MerkleFrontier> FrontierAsync(RegistrationDb db, long size, CancellationToken ct, string? headHash = null)
    {
        if (db.Frontier is { } pending && pending.Size == size
            && db.PendingHead is { } last && last.Sequence == size)
            return pending;
        if (headHash is not null && LastFrontiers.TryGetValue(Key(db), out var cached) && cached.Sequence == size && cached.Hash == headHash)
            return cached.Frontier.Clone();
        var nodes = await NodesAsync(db, MerkleFrontier.Ids(size), ct);
        return MerkleFrontier.From(size, id => nodes.TryGetValue(id, out var hash)
            ? hash
            : throw new InvalidOperationException($"The ledger's tree lacks the subtree {id}; it is rebuilt at start (LedgerTree.RepairAsync)."));
    }

    /// <summary>Adds the entry's leaf and the subtrees it completes to the unit of work.</summary>
    internal static async Task AppendAsync(RegistrationDb db, LedgerEntry entry, CancellationToken ct)
    {
        var frontier = await FrontierAsync(db, entry.Sequence - 1, ct, entry.PreviousHash);
        var completed = new List<(TreeNodeId Id, byte[] Hash)>(4);
        frontier.Append(entry.LeafHash(), completed);
        foreach (var (id, hash) in completed)
            db.LedgerTreeNodes.Add(new LedgerTreeNode(id, hash));
        db.Frontier = frontier;
        LastFrontiers[Key(db)] = (entry.Sequence, entry.Hash, frontier.Clone());
    }

    static string Key(RegistrationDb db) => db.Database.GetConnectionString() ?? "";

    /// <summary>MTH of the first <paramref name="size"/> entries, from the stored subtrees.</summary>
    public static async Task<byte[]> RootAsync(RegistrationDb db, long size, CancellationToken ct) =>
        (await FrontierAsync(db, size, ct)).Root();

    public static async Task<InclusionProof> InclusionAsync(RegistrationDb db, long leafIndex, long treeSize, CancellationToken ct)
    {
        var path = Merkle.InclusionPath(leafIndex, treeSize);
        return new InclusionProof(leafIndex, treeSize, await HashesAsync(db, path, ct));
    }

    public static async Task<IReadOnlyList<byte[]>> ConsistencyAsync(RegistrationDb db, long first, long second, CancellationToken ct) =>
        await HashesAsync(db, Merkle.ConsistencyPath(first, second), ct);

    static async Task<IReadOnlyList<byte[]>> HashesAsync(RegistrationDb db, IReadOnlyList<LeafRange> ranges, CancellationToken ct)
    {
        var nodes = await NodesAsync(db, ranges.SelectMany(Merkle.Nodes), ct);
        return ranges.Select(r => Merkle.RangeHash(r, id => nodes.TryGetValue(id, out var hash)
            ? hash
            : throw new InvalidOperationException($"The ledger's tree lacks the subtree {id}."))).ToList();
    }

    /// <summary>Reads the given subtrees in one statement (a proof needs a few dozen at most).</summary>
    static async Task<Dictionary<TreeNodeId, byte[]>> NodesAsync(RegistrationDb db, IEnumerable<TreeNodeId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var found = new Dictionary<TreeNodeId, byte[]>();
        if (wanted.Count == 0)
            return found;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Quoted names: PostgreSQL folds bare ones to lower case.
        var sql = new StringBuilder("SELECT \"Level\", \"Index\", \"Hash\" FROM \"LedgerTreeNodes\" WHERE ");
        for (var i = 0; i < wanted.Count; i++)
        {
            if (i > 0) sql.Append(" OR ");
            // Levels and indexes are numbers this code computed, never text from a caller.
            sql.Append("(\"Level\" = ").Append(wanted[i].Level).Append(" AND \"Index\" = ").Append(wanted[i].Index).Append(')');
        }
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found[new TreeNodeId(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader.GetValue(2);
        return found;
    }

    /// <summary>
    /// Brings the stored subtrees in line with the entries: drops any beyond the last entry (a
    /// shortened file) and builds those missing (a ledger from before the tree), reading the
    /// entries once. Run at start, before the first head is signed.
    /// </summary>
    public static async Task<long> RepairAsync(RegistrationDb db, CancellationToken ct)
    {
        // One writer: replicas starting together repair once, the later ones find the tree whole.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        // Subtree (level, index) covers leaves up to (index + 1) * 2^level. (Quoted names: PostgreSQL folds bare ones.)
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"LedgerTreeNodes\" WHERE ((\"Index\" + 1) << \"Level\") > {0}", [size], ct);
        var leaves = await db.LedgerTreeNodes.CountAsync(n => n.Level == 0, ct);
        if (leaves == size)
        {
            await transaction.CommitAsync(ct);
            return 0;
        }
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"LedgerTreeNodes\"", ct);
        var frontier = new MerkleFrontier();
        var completed = new List<(TreeNodeId Id, byte[] Hash)>();
        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText = "INSERT INTO \"LedgerTreeNodes\" (\"Level\", \"Index\", \"Hash\") VALUES (@level, @index, @hash)";
        var level = Parameter(insert, "@level");
        var index = Parameter(insert, "@index");
        var hash = Parameter(insert, "@hash");
        // Pages of entries, each read whole before its nodes are written: a connection runs one command at a time on PostgreSQL.
        for (var gap = false; !gap;)
        {
            var after = frontier.Size;
            var page = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(RepairPage).ToListAsync(ct);
            if (page.Count == 0)
                break;
            foreach (var entry in page)
            {
                // A gap is for verification to report; the tree stops before it.
                if (gap = entry.Sequence != frontier.Size + 1)
                    break;
                completed.Clear();
                frontier.Append(entry.LeafHash(), completed);
                foreach (var (id, value) in completed)
                {
                    level.Value = id.Level;
                    index.Value = id.Index;
                    hash.Value = value;
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }
        }
        await transaction.CommitAsync(ct);
        return frontier.Size;
    }

    const int RepairPage = 16_384;

    static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
